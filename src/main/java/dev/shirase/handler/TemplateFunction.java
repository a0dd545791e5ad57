package dev.shirase.handler;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The functions template.yaml declares, as the local tools run them: the handler, the timeout and the memory each has
 * in Lambda (the memory by default). Tests hold them to the template, so a local run gets the same handler and the same
 * time as a deployed one, and reports its memory against the same size.
 */
public enum TemplateFunction {
    NOTIFY("NotifyFunction", Cli.NOTIFY_HANDLER, Duration.ofSeconds(60)),
    SCAN("ScanFunction", Cli.SCAN_HANDLER, Duration.ofSeconds(300));

    /** The template's default {@code MemorySize}, in MB, for both functions. */
    public static final int MEMORY_SIZE_MB = 512;

    private final String logicalId;
    private final String handler;
    private final Duration timeout;

    TemplateFunction(String logicalId, String handler, Duration timeout) {
        this.logicalId = logicalId;
        this.handler = handler;
        this.timeout = timeout;
    }

    /** The resource name in template.yaml, e.g. {@code NotifyFunction}. */
    public String logicalId() {
        return logicalId;
    }

    /** The template's {@code Handler}: class and method. */
    public String handler() {
        return handler;
    }

    /** The template's {@code Timeout}. */
    public Duration timeout() {
        return timeout;
    }

    public static Optional<TemplateFunction> named(String logicalId) {
        return Arrays.stream(values()).filter(f -> f.logicalId.equals(logicalId)).findFirst();
    }

    /** The longest timeout of all: how long one event may take, whichever function it goes to. */
    public static Duration longestTimeout() {
        return Arrays.stream(values()).map(TemplateFunction::timeout).max(Duration::compareTo).orElseThrow();
    }
}
