package dev.shirase.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The local invoke gives the handler the function's timeout, counted from the start of each invocation. */
class LocalInvokeTest {
    private static final PrintStream NO_LOG = new PrintStream(OutputStream.nullOutputStream());

    /** Writes the remaining time it was given, then the remaining time after a short wait, in milliseconds. */
    public static final class RemainingTime implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) {
            int atStart = context.getRemainingTimeInMillis();
            sleep(200);
            new PrintStream(output, true, StandardCharsets.UTF_8).print(atStart + " " + context.getRemainingTimeInMillis());
        }
    }

    private static long[] remaining(LocalInvoke invoke) throws Exception {
        String[] parts = invoke.invoke(new byte[0], NO_LOG).split(" ");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    }

    @Test
    void eachFunctionGetsItsTemplateTimeout() throws Exception {
        for (TemplateFunction function : TemplateFunction.values()) {
            long timeout = function.timeout().toMillis();

            long atStart = remaining(new LocalInvoke(new RemainingTime(), function))[0];

            assertThat(atStart).as(function.logicalId()).isBetween(timeout - 1_000, timeout);
        }
    }

    @Test
    void theTimeCountsDownFromTheStartOfEachInvocation() throws Exception {
        LocalInvoke invoke = new LocalInvoke(RemainingTime.class.getName() + "::handleRequest", "NotifyFunction",
                Duration.ofSeconds(60));

        long[] first = remaining(invoke);
        sleep(300);
        long[] second = remaining(invoke);

        assertThat(first[1]).isLessThanOrEqualTo(first[0] - 200);
        // The second invocation starts with the whole timeout again, not with what the first one left.
        assertThat(second[0]).isGreaterThan(first[1]).isBetween(59_000L, 60_000L);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
