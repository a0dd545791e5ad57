package dev.shirase.scan;

import java.util.Objects;

/**
 * One account and region the scan reads.
 *
 * @param account the member account read through its reader role, or null for the function's own account, read with
 *                its own credentials
 * @param region  the region
 */
public record Place(String account, String region) {

    public Place {
        Objects.requireNonNull(region, "region");
    }

    /** The function's own account, in {@code region}. */
    public static Place home(String region) {
        return new Place(null, region);
    }

    public boolean isHome() {
        return account == null;
    }

    /** For logs and the invocation's result: {@code us-east-1} at home, {@code 111111111111/us-east-1} elsewhere. */
    @Override
    public String toString() {
        return account == null ? region : account + "/" + region;
    }
}
