package dev.shirase.scan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a region's scan could not be finished: its pending actions could not be read at all, or they were read and the
 * details of their databases (maintenance window, engine, Multi-AZ) could not.
 *
 * @param missing what the scan lacks for the region
 * @param cause   why, in the terms a reader acts on
 * @param error   the error message as AWS (or the SDK) gave it, or null when there is none (the time ran out)
 */
public record RegionGap(Missing missing, Cause cause, String error) {

    public enum Missing {
        /** DescribePendingMaintenanceActions failed: nothing is known of the region. */
        PENDING_ACTIONS,
        /** The pending actions were read; DescribeDBInstances/DescribeDBClusters were not, or not completely. */
        DATABASE_DETAILS
    }

    public enum Cause {
        /** The region's share of the time budget ended first: no answer, or answers too slow. */
        TIME_RAN_OUT,
        /** RDS kept refusing the calls as too many. */
        THROTTLED,
        /** No permission for the call, or no valid credentials for the region. */
        ACCESS_DENIED,
        /** Anything else. */
        FAILED
    }

    public static RegionGap notScanned(Cause cause, String error) {
        return new RegionGap(Missing.PENDING_ACTIONS, cause, error);
    }

    public static RegionGap detailsUnread(Cause cause, String error) {
        return new RegionGap(Missing.DATABASE_DETAILS, cause, error);
    }

    /** The regions of {@code gaps} that lack {@code what}, in their order. */
    public static Map<String, RegionGap> lacking(Missing what, Map<String, RegionGap> gaps) {
        Map<String, RegionGap> some = new LinkedHashMap<>();
        gaps.forEach((region, gap) -> {
            if (gap.missing() == what) {
                some.put(region, gap);
            }
        });
        return Collections.unmodifiableMap(some);
    }

    /** For logs and the invocation's result: {@code THROTTLED: Rate exceeded}. */
    @Override
    public String toString() {
        return error == null ? cause.name() : cause + ": " + error;
    }
}
