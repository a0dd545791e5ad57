package dev.shirase.notice;

import java.util.Objects;

/**
 * One resource named by an event: an instance id, a DB identifier, an ARN.
 *
 * @param id     what people call it (DB identifier, instance id)
 * @param arn    the ARN when the source gives one, else null
 * @param status the Health entity status (IMPAIRED, PENDING, RESOLVED ...), else null
 */
public record AffectedResource(String id, String arn, String status) {
    public AffectedResource {
        Objects.requireNonNull(id, "id");
    }

    public static AffectedResource of(String id) {
        return new AffectedResource(id, null, null);
    }
}
