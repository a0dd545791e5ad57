package dev.shirase.notice;

/** Where the announced change stands: a finished maintenance is a completion notice, not a new alarm. */
public enum Stage {
    ANNOUNCED,
    IN_PROGRESS,
    COMPLETED
}
