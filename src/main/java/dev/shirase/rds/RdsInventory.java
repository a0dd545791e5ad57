package dev.shirase.rds;

import dev.shirase.budget.Budget;
import dev.shirase.notice.DatabaseState;
import java.util.Optional;

/** What RDS knows of an account's databases and their pending maintenance, one region at a time. */
public interface RdsInventory {

    /**
     * Every DB instance and cluster in the region that has pending maintenance actions, with those actions. Throws when
     * the pending actions cannot be read; once they are, they are returned even when the databases' details cannot be.
     */
    RegionScan withPendingMaintenance(String region, Budget budget);

    /** One DB instance or cluster by identifier (or ARN), with its pending actions; empty when there is none. */
    Optional<DatabaseState> describe(String region, String identifier, Budget budget);
}
