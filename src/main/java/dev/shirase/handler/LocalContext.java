package dev.shirase.handler;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The Lambda context for a local invocation: what the handler may ask the runtime, answered locally. */
final class LocalContext implements Context {
    private static final int TIMEOUT_MILLIS = 30_000;
    private final String functionName;
    private final String requestId = UUID.randomUUID().toString();
    private final long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
    private final PrintStream log;

    LocalContext(String functionName, PrintStream log) {
        this.functionName = functionName;
        this.log = log;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:local:000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadline - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return 512;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                log.println(message);
            }

            @Override
            public void log(byte[] message) {
                log.println(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
