package dev.shirase.rds;

import dev.shirase.budget.Budget;
import dev.shirase.notice.DatabaseState;
import java.util.List;
import java.util.Map;

/** What RDS knows of an account's databases and their pending maintenance, one region at a time. */
public interface RdsInventory {

    /**
     * Every DB instance and cluster in the region that has pending maintenance actions, with those actions. Throws when
     * the pending actions cannot be read; once they are, they are returned even when the databases' details cannot be.
     */
    RegionScan withPendingMaintenance(String region, Budget budget);

    /**
     * The DB instances and clusters named by {@code identifiers} (identifiers or ARNs), each with its pending actions,
     * by the identifier that named it, in the order named; one that RDS does not know is left out. Throws when RDS
     * cannot be read.
     */
    Map<String, DatabaseState> describe(String region, List<String> identifiers, Budget budget);
}
