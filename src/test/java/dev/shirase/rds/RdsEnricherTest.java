package dev.shirase.rds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.budget.Budget;
import dev.shirase.classify.Classifier;
import dev.shirase.log.JsonLog;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.Deadline;
import dev.shirase.notice.MaintenanceWindow;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Obligation;
import dev.shirase.notice.PendingAction;
import dev.shirase.scan.PerAccount;
import dev.shirase.source.EventReader;
import dev.shirase.testing.Events;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The enricher against an in-memory inventory (the RDS API itself is tested against WireMock and moto). */
class RdsEnricherTest {
    private static Budget budget() {
        return Budget.of(Duration.ofSeconds(10));
    }
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final JsonLog log = new JsonLog(new PrintStream(logged, true, StandardCharsets.UTF_8), Clock.systemUTC());

    /** An inventory that knows a fixed set of databases, or fails like an API call without permission. */
    private static final class Inventory implements RdsInventory {
        private final Map<String, DatabaseState> byId;
        private final RuntimeException failure;
        final List<String> asked = new ArrayList<>();

        Inventory(Map<String, DatabaseState> byId, RuntimeException failure) {
            this.byId = byId;
            this.failure = failure;
        }

        @Override
        public RegionScan withPendingMaintenance(String region, Budget budget) {
            return RegionScan.complete(List.copyOf(byId.values()));
        }

        @Override
        public Map<String, DatabaseState> describe(String region, List<String> identifiers, Budget budget) {
            asked.add(region + " " + String.join(",", identifiers));
            if (failure != null) {
                throw failure;
            }
            Map<String, DatabaseState> found = new LinkedHashMap<>();
            for (String identifier : identifiers) {
                DatabaseState db = byId.get(identifier.substring(identifier.lastIndexOf(':') + 1));
                if (db != null) {
                    found.put(identifier, db);
                }
            }
            return found;
        }
    }

    private static Notice notice(String sample) {
        return new Classifier().classify(new EventReader().read(Events.sample(sample)));
    }

    @Test
    void anAvailableSystemUpdateThatRdsWillApplyOnADateBecomesRequired() {
        Notice before = notice("rds-event-0230-system-update-available.json");
        String id = before.announcement().resourceIds().get(0);
        DatabaseState db = new DatabaseState(id, before.announcement().resources().get(0).arn(), false, "postgres",
                "16.4", false, MaintenanceWindow.parse("mon:18:00-mon:18:30"), List.of(new PendingAction(
                "system-update", "New Operating System update is available", Instant.parse("2026-12-01T00:00:00Z"),
                null, null, null)));
        Inventory inventory = new Inventory(Map.of(id, db), null);

        Notice after = new RdsEnricher(inventory, log).enrich(before, budget());

        assertThat(before.obligation()).isEqualTo(Obligation.OPTIONAL);
        assertThat(before.deadline()).isNull();
        assertThat(after.obligation()).isEqualTo(Obligation.REQUIRED);
        assertThat(after.deadline()).isEqualTo(new Deadline(Instant.parse("2026-12-07T18:00:00Z"), Deadline.Kind.SCHEDULED_START));
        assertThat(after.databases()).containsExactly(db);
        assertThat(after.rule()).endsWith("+ pending maintenance");
        assertThat(inventory.asked).containsExactly("ap-northeast-1 " + before.announcement().resources().get(0).arn());
    }

    @Test
    void aPendingActionOfAnotherKindAddsFactsButDoesNotChangeTheJudgement() {
        Notice before = notice("rds-event-0155-minor-version-available.json");
        String id = before.announcement().resourceIds().get(0);
        DatabaseState db = new DatabaseState(id, null, false, "mysql", "8.0.40", true, null, List.of(new PendingAction(
                "system-update", "OS", Instant.parse("2026-12-01T00:00:00Z"), null, null, null)));

        Notice after = new RdsEnricher(new Inventory(Map.of(id, db), null), log).enrich(before, budget());

        assertThat(after.obligation()).isEqualTo(before.obligation());
        assertThat(after.deadline()).isNull();
        assertThat(after.databases()).containsExactly(db);
    }

    @Test
    void whenTheLookupFailsTheNoticeGoesOutAsItWasAndTheLogSaysWhy() {
        Notice before = notice("health-rds-maintenance-scheduled.json");
        Inventory denied = new Inventory(Map.of(), new IllegalStateException("User is not authorized to perform: rds:DescribeDBInstances"));

        Notice after = new RdsEnricher(denied, log).enrich(before, budget());

        assertThat(after).isEqualTo(before);
        assertThat(denied.asked).hasSize(1); // the same cause would fail every other lookup
        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("\"level\":\"WARN\"")
                .contains("RDS enrichment failed").contains("not authorized");
    }

    @Test
    void leavesOtherServicesAndCompletedNoticesAlone() {
        Inventory inventory = new Inventory(Map.of(), null);
        RdsEnricher enricher = new RdsEnricher(inventory, log);

        enricher.enrich(notice("health-ec2-instance-reboot.json"), budget());
        enricher.enrich(notice("rds-event-0027-offline-patching-finished.json"), budget());

        assertThat(inventory.asked).isEmpty();
    }

    @Test
    void anotherAccountsDatabasesAreNotLookedUpWithThisAccountsCredentials() {
        Notice orgView = notice("health-org-view-affected-account.json").withAccountName("prod-payments");
        DatabaseState sameName = new DatabaseState("payments-db-01", "arn:aws:rds:ap-northeast-1:123456789012:db:payments-db-01",
                false, "postgres", "16.4", false, MaintenanceWindow.parse("mon:18:00-mon:18:30"), List.of());
        Inventory inventory = new Inventory(Map.of("payments-db-01", sameName), null);

        Notice after = new RdsEnricher(PerAccount.everywhere(inventory), "123456789012", null, log).enrich(orgView, budget());

        assertThat(after).isSameAs(orgView);
        assertThat(inventory.asked).isEmpty();
        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("RDS enrichment skipped")
                .contains("account 111122223333");
    }

    @Test
    void theHomeAccountsOwnDatabasesAreStillLookedUpAndTheNameIsKept() {
        Notice orgView = notice("health-org-view-affected-account.json").withAccountName("prod-payments");
        DatabaseState db = new DatabaseState("payments-db-01", "arn:aws:rds:ap-northeast-1:111122223333:db:payments-db-01",
                false, "postgres", "16.4", true, MaintenanceWindow.parse("mon:18:00-mon:18:30"), List.of());
        Inventory inventory = new Inventory(Map.of("payments-db-01", db), null);

        Notice after = new RdsEnricher(PerAccount.everywhere(inventory), "111122223333", null, log).enrich(orgView, budget());

        assertThat(inventory.asked).containsExactly("ap-northeast-1 payments-db-01");
        assertThat(after.databases()).containsExactly(db);
        assertThat(after.accountName()).isEqualTo("prod-payments");
    }

    /** health-rds-maintenance-scheduled.json with its resources replaced by {@code resources}. */
    private static Notice scheduledMaintenanceOf(String... resources) throws IOException {
        ObjectNode event = (ObjectNode) new ObjectMapper().readTree(Events.sample("health-rds-maintenance-scheduled.json"));
        ArrayNode list = event.putArray("resources");
        ArrayNode entities = ((ObjectNode) event.get("detail")).putArray("affectedEntities");
        for (String resource : resources) {
            list.add(resource);
            entities.addObject().put("entityValue", resource);
        }
        return new Classifier().classify(new EventReader().read(Events.bytes(event)));
    }

    private static DatabaseState database(String name, String region) {
        return new DatabaseState(name, "arn:aws:rds:" + region + ":123456789012:db:" + name, false, "postgres", "16.4",
                false, null, List.of());
    }

    @Test
    void theDatabasesOfOneRegionAreLookedUpTogetherAndEachRegionOnce() throws IOException {
        DatabaseState billing = database("billing-db-01", "ap-northeast-1");
        DatabaseState reporting = database("reporting-db-01", "ap-northeast-1");
        DatabaseState osaka = database("osaka-db-01", "ap-northeast-3");
        Inventory inventory = new Inventory(Map.of("billing-db-01", billing, "reporting-db-01", reporting,
                "osaka-db-01", osaka), null);

        Notice after = new RdsEnricher(inventory, log).enrich(scheduledMaintenanceOf("billing-db-01", osaka.arn(),
                "reporting-db-01"), budget());

        assertThat(inventory.asked).containsExactly("ap-northeast-1 billing-db-01,reporting-db-01",
                "ap-northeast-3 " + osaka.arn());
        assertThat(after.databases()).containsExactly(billing, reporting, osaka);
    }

    @Test
    void aDatabaseNamedTwiceIsShownOnceAndOneRdsDoesNotKnowIsLogged() throws IOException {
        DatabaseState billing = database("billing-db-01", "ap-northeast-1");
        Inventory inventory = new Inventory(Map.of("billing-db-01", billing), null);

        Notice after = new RdsEnricher(inventory, log).enrich(scheduledMaintenanceOf("billing-db-01", billing.arn(),
                "gone-db-01"), budget());

        assertThat(after.databases()).containsExactly(billing);
        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("RDS resource not found for enrichment")
                .contains("gone-db-01").doesNotContain("\"resource\":\"billing-db-01\"");
    }

    @Test
    void atMostTenDatabasesAreLookedUp() throws IOException {
        String[] many = IntStream.rangeClosed(1, 25).mapToObj(i -> "db-" + i).toArray(String[]::new);
        Inventory inventory = new Inventory(Map.of(), null);

        new RdsEnricher(inventory, log).enrich(scheduledMaintenanceOf(many), budget());

        assertThat(inventory.asked).singleElement().satisfies(call -> assertThat(call.split(",")).hasSize(10));
    }
}
