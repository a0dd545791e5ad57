package dev.shirase.ec2;

import java.time.Instant;
import java.util.Locale;

/**
 * One scheduled event of an instance, as DescribeInstanceStatus gives it. Any field may be missing.
 *
 * @param code              {@code instance-reboot}, {@code system-reboot}, {@code system-maintenance},
 *                          {@code instance-retirement} or {@code instance-stop} (kept as EC2 writes it, new codes too)
 * @param description       EC2's text; a completed or canceled event's starts with {@code [Completed]} or
 *                          {@code [Canceled]}
 * @param notBefore         the earliest the event starts
 * @param notAfter          the latest it ends
 * @param notBeforeDeadline the latest it can be rescheduled to start
 * @param instanceEventId   {@code instance-event-...}
 */
public record ScheduledEvent(String code, String description, Instant notBefore, Instant notAfter,
        Instant notBeforeDeadline, String instanceEventId) {

    /**
     * Whether the event is still to happen. EC2 keeps describing a completed event for up to a week with a description
     * that starts "[Completed]" (API reference, InstanceStatusEvent), and a canceled one with "[Canceled]" (the same
     * prefixes as the instance metadata's event history). An event without a description is taken as pending: a
     * reminder too many is better than a reboot nobody was told of.
     */
    public boolean pending() {
        if (description == null) {
            return true;
        }
        String d = description.stripLeading().toLowerCase(Locale.ROOT);
        return !(d.startsWith("[completed]") || d.startsWith("[canceled]"));
    }
}
