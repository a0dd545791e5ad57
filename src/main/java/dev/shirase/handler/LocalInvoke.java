package dev.shirase.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls a handler the way the Lambda Java runtime does: the class and method named by a template's
 * {@code Handler} string, a new instance from the no-argument constructor, the event bytes as they are, and the
 * function's timeout as the time each invocation has.
 */
final class LocalInvoke {
    private final Object handler;
    private final Method method;
    private final String functionName;
    private final Duration timeout;
    /** The last invocation: its request id and how long the handler took, for the report Lambda would write. */
    private Ran last;

    /** What a report says of one invocation. */
    record Ran(String requestId, Duration duration) {
    }

    /** The function as template.yaml declares it. */
    LocalInvoke(TemplateFunction function) throws ReflectiveOperationException {
        this(function.handler(), function.logicalId(), function.timeout());
    }

    LocalInvoke(String handlerName, String functionName, Duration timeout) throws ReflectiveOperationException {
        int separator = handlerName.indexOf("::");
        String className = separator < 0 ? handlerName : handlerName.substring(0, separator);
        String methodName = separator < 0 ? "handleRequest" : handlerName.substring(separator + 2);
        Class<?> type = Class.forName(className);
        this.handler = type.getDeclaredConstructor().newInstance();
        this.method = type.getMethod(methodName, InputStream.class, OutputStream.class, Context.class);
        this.functionName = functionName;
        this.timeout = timeout;
    }

    /** A handler already built (tests give it a configuration of their own), run as the function would run it. */
    LocalInvoke(RequestStreamHandler handler, TemplateFunction function) throws NoSuchMethodException {
        this.handler = handler;
        this.method = RequestStreamHandler.class.getMethod("handleRequest", InputStream.class, OutputStream.class,
                Context.class);
        this.functionName = function.logicalId();
        this.timeout = function.timeout();
    }

    /** The handler's output; a handler exception comes back as the exception itself. */
    String invoke(byte[] event, PrintStream log) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        LocalContext context = new LocalContext(functionName, timeout, log);
        long start = System.nanoTime();
        try {
            method.invoke(handler, new ByteArrayInputStream(event), output, context);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } finally {
            last = new Ran(context.getAwsRequestId(), Duration.ofNanos(System.nanoTime() - start));
        }
        return output.toString(StandardCharsets.UTF_8);
    }

    /** The last invocation, failed or not; null before the first. */
    Ran last() {
        return last;
    }
}
