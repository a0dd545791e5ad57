package dev.shirase.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.MaintenanceWindow;
import dev.shirase.notice.PendingAction;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The saved CLI output in examples/rds-cli, read and joined as the scan joins the API's answers. */
class CliOutputTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path DIR = Path.of("examples/rds-cli");

    private static JsonNode read(String name) throws IOException {
        return MAPPER.readTree(DIR.resolve(name).toFile());
    }

    @Test
    void readsPendingActionsWithTheirDates() throws IOException {
        Map<String, List<PendingAction>> pending = CliOutput.pendingActions(read("describe-pending-maintenance-actions.json"));

        assertThat(pending).hasSize(5);
        PendingAction billing = pending.get("arn:aws:rds:ap-northeast-1:123456789012:db:billing-db").get(0);
        assertThat(billing.action()).isEqualTo("os-upgrade");
        assertThat(billing.autoApplyAfter()).isEqualTo(Instant.parse("2026-12-20T00:00:00Z"));
        assertThat(billing.forcedApply()).isEqualTo(Instant.parse("2026-12-08T00:00:00Z"));
        assertThat(billing.isRequired()).isTrue();
        PendingAction legacy = pending.get("arn:aws:rds:ap-northeast-1:123456789012:db:legacy-db").get(0);
        assertThat(legacy.optInStatus()).isEqualTo("next-maintenance");
        assertThat(legacy.isRequired()).isFalse();
    }

    @Test
    void joinsInstancesAndClustersByArnAndKeepsResourcesTheyDoNotName() throws IOException {
        List<DatabaseState> joined = Databases.join(
                CliOutput.pendingActions(read("describe-pending-maintenance-actions.json")),
                CliOutput.instances(read("describe-db-instances.json")),
                CliOutput.clusters(read("describe-db-clusters.json")));

        assertThat(joined).extracting(DatabaseState::id)
                .containsExactly("orders-db", "billing-db", "analytics-cluster", "reporting-db", "legacy-db");
        DatabaseState billing = joined.get(1);
        assertThat(billing.multiAz()).isTrue();
        assertThat(billing.engine()).isEqualTo("postgres");
        assertThat(billing.window()).isEqualTo(MaintenanceWindow.parse("sat:17:00-sat:17:30"));
        assertThat(joined.get(2).cluster()).isTrue();
        assertThat(joined.get(2).engine()).isEqualTo("aurora-postgresql");
        // reporting-db is in no describe output: named from its ARN, nothing else known
        DatabaseState reporting = joined.get(3);
        assertThat(reporting.window()).isNull();
        assertThat(reporting.multiAz()).isNull();
        assertThat(reporting.pendingActions()).hasSize(1);
    }

    @Test
    void saysWhichOutputAFileIsNot() throws IOException {
        JsonNode instances = read("describe-db-instances.json");

        assertThatThrownBy(() -> CliOutput.pendingActions(instances))
                .hasMessageContaining("describe-pending-maintenance-actions");
        assertThatThrownBy(() -> CliOutput.clusters(instances)).hasMessageContaining("describe-db-clusters");
        assertThat(CliOutput.instances(null)).isEmpty();
    }
}
