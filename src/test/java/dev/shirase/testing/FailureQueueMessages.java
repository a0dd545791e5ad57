package dev.shirase.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Messages as each sender puts them on the stack's failure queue: Lambda's on-failure destination writes an invocation
 * record around the event; an EventBridge rule's and a Scheduler schedule's dead letters are the event itself, with
 * what went wrong in message attributes.
 */
public final class FailureQueueMessages {
    /** A deployed function's alias, as SAM names the function (stack name, logical id, random suffix). */
    public static final String NOTIFY_FUNCTION_ARN =
            "arn:aws:lambda:ap-northeast-1:123456789012:function:shirase-NotifyFunction-Q2Xc9LmT0aBd:live";
    public static final String SCAN_FUNCTION_ARN =
            "arn:aws:lambda:ap-northeast-1:123456789012:function:shirase-ScanFunction-7HkP1sVw3ZqE:live";
    public static final String HEALTH_RULE_ARN =
            "arn:aws:events:ap-northeast-1:123456789012:rule/shirase-NotifyFunctionHealthEvents-1A2B3C4D5E6F";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FailureQueueMessages() {
    }

    /** The body Lambda's on-failure destination sends after the last retry of an asynchronous invocation failed. */
    public static String onFailureRecord(String functionArn, byte[] event) {
        ObjectNode record = MAPPER.createObjectNode();
        record.put("version", "1.0");
        record.put("timestamp", "2026-11-20T01:05:12.345Z");
        ObjectNode context = record.putObject("requestContext");
        context.put("requestId", "e4b46cbf-b738-4b3c-8880-a18cdf61200e");
        context.put("functionArn", functionArn);
        context.put("condition", "RetriesExhausted");
        context.put("approximateInvokeCount", 3);
        try {
            record.set("requestPayload", MAPPER.readTree(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode response = record.putObject("responseContext");
        response.put("statusCode", 200);
        response.put("executedVersion", "12");
        response.put("functionError", "Unhandled");
        record.putObject("responsePayload")
                .put("errorType", "dev.shirase.handler.NotifyHandler$NoticeNotDeliveredException")
                .put("errorMessage", "no channel accepted the notice: {sns=throttled}");
        return record.toString();
    }

    /** The message attributes of an EventBridge rule's dead letter (its body is the event). */
    public static Map<String, String> ruleDeadLetter(String ruleArn, String targetArn) {
        return Map.of("RULE_ARN", ruleArn, "TARGET_ARN", targetArn,
                "ERROR_CODE", "NO_PERMISSIONS",
                "ERROR_MESSAGE", "Not authorized to invoke the target");
    }

    /** The error of a Scheduler dead letter, as message attributes (its body is the schedule's input). */
    public static Map<String, String> scheduleDeadLetter() {
        return Map.of("ERROR_CODE", "AWS.Scheduler.InternalServerError",
                "ERROR_MESSAGE", "Unexpected error occurred while processing the request.");
    }
}
