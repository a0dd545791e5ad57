package dev.shirase.notice;

/** How binding a notice is: the distinction the RDS console shows as "Required" / "Available". */
public enum Obligation {
    REQUIRED("必須"),
    OPTIONAL("任意"),
    INFORMATION("情報");

    private final String japanese;

    Obligation(String japanese) {
        this.japanese = japanese;
    }

    public String japanese() {
        return japanese;
    }

    /** At least as binding as {@code minimum}: the constants are declared from the most binding down. */
    public boolean atLeast(Obligation minimum) {
        return compareTo(minimum) <= 0;
    }
}
