package dev.shirase.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shirase.deliver.Channels;
import dev.shirase.log.JsonLog;
import dev.shirase.state.StateTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * sam local invoke resolves {@code !Ref Topic} and {@code !Ref StateTable} to the logical ids: the handlers take
 * those as unset and say why, and nothing else of the environment changes.
 */
class SamLocalTest {
    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:shirase-Topic-1ABC";
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final JsonLog log = new JsonLog(new PrintStream(logged, true, StandardCharsets.UTF_8), Clock.systemUTC());

    private static Map<String, String> samLocal(Map<String, String> variables) {
        Map<String, String> env = new HashMap<>(variables);
        env.put("AWS_SAM_LOCAL", "true");
        env.put("AWS_REGION", "us-east-1");
        return env;
    }

    @Test
    void logicalIdsLeftBySamLocalAreTakenAsUnsetWithAWarningThatSaysWhatToDo() {
        Map<String, String> env = samLocal(Map.of(Channels.TOPIC_ARN, "Topic", StateTable.ENV, "StateTable",
                "SHIRASE_SNS_MIN_OBLIGATION", "INFORMATION"));

        Map<String, String> used = SamLocal.withoutUnresolvedReferences(env, log);

        assertThat(used).doesNotContainKeys(Channels.TOPIC_ARN, StateTable.ENV)
                .containsEntry("SHIRASE_SNS_MIN_OBLIGATION", "INFORMATION").containsEntry("AWS_REGION", "us-east-1");
        assertThat(logged.toString(StandardCharsets.UTF_8).lines())
                .anySatisfy(line -> assertThat(line).contains("\"level\":\"WARN\"")
                        .contains("SHIRASE_TOPIC_ARN=Topic is not a topic ARN: sam local invoke resolves !Ref Topic to"
                                + " the logical id")
                        .contains("--env-vars events/local/env-vars.json"))
                .anySatisfy(line -> assertThat(line).contains("SHIRASE_STATE_TABLE=StateTable is not a deployed table")
                        .contains("the notifier runs without state"));
    }

    @Test
    void realValuesUnderSamLocalAreKept() {
        Map<String, String> env = samLocal(Map.of(Channels.TOPIC_ARN, TOPIC, StateTable.ENV, "shirase-state"));

        assertThat(SamLocal.withoutUnresolvedReferences(env, log)).isEqualTo(env);
        assertThat(logged.size()).isZero();
    }

    @Test
    void outsideSamLocalTheEnvironmentIsUsedAsItIs() {
        // A table may well be called StateTable; only SAM local's tell-tale variable says it is a logical id.
        Map<String, String> env = Map.of(StateTable.ENV, "StateTable", "AWS_REGION", "ap-northeast-1");

        assertThat(SamLocal.withoutUnresolvedReferences(env, log)).isSameAs(env);
    }

    @Test
    void underSamLocalTheNotifierFallsBackToTheConsole() {
        Map<String, String> env = samLocal(Map.of(Channels.TOPIC_ARN, "Topic", StateTable.ENV, "StateTable"));

        assertThat(Channels.names(SamLocal.withoutUnresolvedReferences(env, log))).containsExactly("console");
        // Both handlers start: no SNS channel on "Topic", no DynamoDB table "StateTable".
        assertThat(NotifyHandler.fromEnvironment(env, log)).isNotNull();
        assertThat(ScanHandler.pipeline(env, log)).isNotNull();
    }

    @Test
    void aTopicThatIsNoArnStopsTheStartUpSayingSo() {
        Map<String, String> env = Map.of(Channels.TOPIC_ARN, "Topic", "AWS_REGION", "ap-northeast-1");

        assertThatThrownBy(() -> NotifyHandler.fromEnvironment(env, log))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SHIRASE_TOPIC_ARN=Topic is not an SNS topic ARN");
    }
}
