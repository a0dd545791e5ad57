package dev.shirase.notice;

/** The input shape a notice was read from. */
public enum Origin {
    HEALTH_EVENT,
    RDS_EVENT,
    PENDING_MAINTENANCE,
    UNRECOGNIZED
}
