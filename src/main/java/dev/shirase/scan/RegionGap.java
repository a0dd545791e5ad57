package dev.shirase.scan;

import java.util.List;

/**
 * What the scan could not finish, and why: a region's pending actions could not be read at all, or they were read and
 * the details of their databases (maintenance window, engine, Multi-AZ) could not; or a member account could not be
 * read in any region, because its reader role could not be assumed; or the organization's accounts could not be listed.
 *
 * @param account the member account, or null for the function's own account (and for the organization's list)
 * @param region  the region, or null when the gap is not one region's ({@link Missing#ACCOUNT},
 *                {@link Missing#MEMBER_ACCOUNTS})
 * @param missing what the scan lacks there
 * @param cause   why, in the terms a reader acts on
 * @param error   the error message as AWS (or the SDK) gave it, or null when there is none (the time ran out)
 */
public record RegionGap(String account, String region, Missing missing, Cause cause, String error) {

    public enum Missing {
        /** DescribePendingMaintenanceActions failed: nothing is known of the region. */
        PENDING_ACTIONS,
        /** The pending actions were read; DescribeDBInstances/DescribeDBClusters were not, or not completely. */
        DATABASE_DETAILS,
        /** The account's reader role could not be assumed: nothing is known of the account, in any region. */
        ACCOUNT,
        /** The organization's accounts could not be listed: no member account was scanned. */
        MEMBER_ACCOUNTS
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

    /** The pending actions could not be read; where is added by {@link #at}. */
    public static RegionGap notScanned(Cause cause, String error) {
        return new RegionGap(null, null, Missing.PENDING_ACTIONS, cause, error);
    }

    /** The databases' details could not be read; where is added by {@link #at}. */
    public static RegionGap detailsUnread(Cause cause, String error) {
        return new RegionGap(null, null, Missing.DATABASE_DETAILS, cause, error);
    }

    /** No region of the member {@code account} could be read: its reader role could not be assumed. */
    public static RegionGap roleNotAssumed(String account, Cause cause, String error) {
        return new RegionGap(account, null, Missing.ACCOUNT, cause, error);
    }

    /** The organization's member accounts could not be listed. */
    public static RegionGap membersUnlisted(Cause cause, String error) {
        return new RegionGap(null, null, Missing.MEMBER_ACCOUNTS, cause, error);
    }

    /** This gap, in {@code place}. */
    public RegionGap at(Place place) {
        return new RegionGap(place.account(), place.region(), missing, cause, error);
    }

    /** Whether nothing at all was read there: every gap but the databases' details. */
    public boolean readNothing() {
        return missing != Missing.DATABASE_DETAILS;
    }

    /** The gaps where nothing at all was read, in their order. */
    public static List<RegionGap> notScanned(List<RegionGap> gaps) {
        return gaps.stream().filter(RegionGap::readNothing).toList();
    }

    /** The gaps where the pending actions were read without their databases' details, in their order. */
    public static List<RegionGap> detailsUnread(List<RegionGap> gaps) {
        return gaps.stream().filter(gap -> !gap.readNothing()).toList();
    }

    /**
     * Where, for logs and the invocation's result: {@code us-east-1} in the function's own account,
     * {@code 111111111111/us-east-1} in a member account, {@code 111111111111} for a whole member account,
     * {@code organization} for the organization's list.
     */
    public String where() {
        if (missing == Missing.MEMBER_ACCOUNTS) {
            return "organization";
        }
        if (region == null) {
            return String.valueOf(account);
        }
        return account == null ? region : account + "/" + region;
    }

    /** For logs and the invocation's result: {@code THROTTLED: Rate exceeded}. */
    @Override
    public String toString() {
        return error == null ? cause.name() : cause + ": " + error;
    }
}
