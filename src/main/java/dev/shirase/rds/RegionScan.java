package dev.shirase.rds;

import dev.shirase.notice.DatabaseState;
import dev.shirase.scan.RegionGap;
import java.util.List;
import java.util.Optional;

/**
 * What RDS said of one region's pending maintenance.
 *
 * @param databases     every DB instance and cluster with pending actions, with those actions; those whose details
 *                      could not be read are named from their ARNs, with nothing else known
 * @param detailsUnread why the details of the databases could not all be read, when they could not
 */
public record RegionScan(List<DatabaseState> databases, Optional<RegionGap> detailsUnread) {

    public RegionScan {
        databases = List.copyOf(databases);
    }

    public static RegionScan complete(List<DatabaseState> databases) {
        return new RegionScan(databases, Optional.empty());
    }
}
