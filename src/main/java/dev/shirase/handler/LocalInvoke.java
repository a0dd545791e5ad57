package dev.shirase.handler;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * Calls a handler the way the Lambda Java runtime does: the class and method named by a template's
 * {@code Handler} string, a new instance from the no-argument constructor, the event bytes as they are.
 */
final class LocalInvoke {
    private final Object handler;
    private final Method method;
    private final String functionName;

    LocalInvoke(String handlerName, String functionName) throws ReflectiveOperationException {
        int separator = handlerName.indexOf("::");
        String className = separator < 0 ? handlerName : handlerName.substring(0, separator);
        String methodName = separator < 0 ? "handleRequest" : handlerName.substring(separator + 2);
        Class<?> type = Class.forName(className);
        this.handler = type.getDeclaredConstructor().newInstance();
        this.method = type.getMethod(methodName, InputStream.class, OutputStream.class, Context.class);
        this.functionName = functionName;
    }

    /** The handler's output; a handler exception comes back as the exception itself. */
    String invoke(byte[] event, PrintStream log) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            method.invoke(handler, new ByteArrayInputStream(event), output, new LocalContext(functionName, log));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
        return output.toString(StandardCharsets.UTF_8);
    }
}
