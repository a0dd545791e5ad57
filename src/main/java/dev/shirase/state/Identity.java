package dev.shirase.state;

import dev.shirase.notice.Announcement;
import java.util.Optional;

/**
 * Which story a delivery belongs to. A Health event is one story per affected account, whatever the page, the region
 * it was delivered to (a backup copy) or the EventBridge id; an RDS event is its source, event id and date; a pending
 * maintenance action is its resource and action. An input that could not be read belongs to no story: it is always
 * sent.
 */
public final class Identity {
    private Identity() {
    }

    public static Optional<String> of(Announcement a) {
        return switch (a.origin()) {
            case HEALTH_EVENT -> a.eventArn() != null
                    ? Optional.of(join("health", a.eventArn(), orDash(a.account())))
                    : Optional.ofNullable(a.eventId()).map(id -> join("health-delivery", id));
            case RDS_EVENT -> {
                String source = a.resources().isEmpty() ? null
                        : a.resources().get(0).arn() != null ? a.resources().get(0).arn() : a.resources().get(0).id();
                String what = a.code() != null ? a.code() : "message:" + digest(a.description());
                String when = a.schedule().start() == null ? null : a.schedule().start().toString();
                yield source == null && when == null
                        ? Optional.ofNullable(a.eventId()).map(id -> join("rds-delivery", id))
                        : Optional.of(join("rds", orDash(source), what, orDash(when)));
            }
            case PENDING_MAINTENANCE -> a.resources().isEmpty() ? Optional.empty()
                    : Optional.of(join("pending", orDash(a.resources().get(0).arn() != null
                            ? a.resources().get(0).arn() : a.resources().get(0).id()), orDash(a.code())));
            case UNRECOGNIZED -> Optional.empty();
        };
    }

    private static String join(String... parts) {
        return String.join("|", parts);
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    private static String digest(String text) {
        return Hashes.sha256(text, 12);
    }
}
