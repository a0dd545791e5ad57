package dev.shirase.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shirase.notice.Announcement;

/**
 * An SNS notification (an RDS event subscription, say) that reached the notifier instead of an EventBridge event.
 * It is not classified, but its message is shown as the original text so the reader need not decode the JSON.
 */
final class SnsNotificationReader {
    private SnsNotificationReader() {
    }

    static boolean isSnsNotification(JsonNode root) {
        return root.has("Records") || ("Notification".equals(Json.text(root, "Type")) && root.has("Message"));
    }

    static Announcement read(JsonNode root, String raw) {
        JsonNode notification = root;
        JsonNode records = root.get("Records");
        if (records != null && records.isArray() && !records.isEmpty() && records.get(0).has("Sns")) {
            notification = records.get(0).get("Sns");
        }
        String message = Json.text(notification, "Message");
        String topic = Json.text(notification, "TopicArn");
        String subject = Json.text(notification, "Subject");
        Announcement unrecognized = Announcement.unrecognized(raw, "SNS notification" + (topic == null ? "" : " from " + topic),
                accountOf(topic), regionOf(topic),
                "an SNS notification, not an EventBridge event: subscribe the notifier through EventBridge"
                        + " to have it classified");
        String text = subject == null ? message : subject + "\n\n" + (message == null ? "" : message);
        return new Announcement(unrecognized.origin(), Json.text(notification, "MessageId"), unrecognized.detailType(),
                null, null, null, null, null, unrecognized.account(), unrecognized.region(), null, null, text,
                null, null, null, null, raw, unrecognized.readError());
    }

    private static String regionOf(String topicArn) {
        String[] parts = topicArn == null ? new String[0] : topicArn.split(":");
        return parts.length > 4 ? parts[3] : null;
    }

    private static String accountOf(String topicArn) {
        String[] parts = topicArn == null ? new String[0] : topicArn.split(":");
        return parts.length > 4 ? parts[4] : null;
    }
}
