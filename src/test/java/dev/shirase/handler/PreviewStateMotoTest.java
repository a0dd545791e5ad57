package dev.shirase.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.deliver.Channels;
import dev.shirase.log.JsonLog;
import dev.shirase.state.StateTable;
import dev.shirase.testing.LambdaContext;
import dev.shirase.testing.MotoClients;
import dev.shirase.testing.MotoServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code preview --state}: what the stateful path would send, read from the table in moto, never written. */
class PreviewStateMotoTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SAMPLE = "events/health-ec2-instance-reboot.json";
    private final MotoServer moto = MotoServer.get();
    private final MotoClients clients = new MotoClients(moto);
    private Map<String, String> env;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void table() {
        moto.reset();
        env = new HashMap<>(moto.awsEnvironment());
        env.put(StateTable.ENV, clients.stateTable("shirase-state"));
        env.put(Channels.TOPIC_ARN, clients.topicWithQueue("shirase").topicArn());
    }

    private int preview(Map<String, String> environment, String... args) {
        out.reset();
        err.reset();
        String[] all = new String[args.length + 1];
        all[0] = "preview";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                environment).run(all);
    }

    private JsonNode previewJson(String file) throws Exception {
        assertThat(preview(env, "--state", "--format", "json", file)).isZero();
        return MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
    }

    private void notify(Path file) throws Exception {
        new NotifyHandler(NotifyHandler.fromEnvironment(env, JsonLog.silent())).handleRequest(
                new ByteArrayInputStream(Files.readAllBytes(file)), new ByteArrayOutputStream(), new LambdaContext());
    }

    @Test
    void showsAFirstNoticeThenNothingForARepeatThenTheCompletionWithoutWritingTheTable(@TempDir Path dir)
            throws Exception {
        JsonNode first = previewJson(SAMPLE);
        assertThat(first.get("subject").asText()).startsWith("【要対応・必須】EC2 インスタンス再起動");
        assertThat(first.has("notSent")).isFalse();
        // The preview wrote nothing: the notifier still sees the event for the first time.
        notify(Path.of(SAMPLE));

        JsonNode repeat = previewJson(SAMPLE);
        assertThat(repeat.get("subject").isNull()).isTrue();
        assertThat(repeat.get("notSent").asText()).startsWith("repeat").contains("sns");
        assertThat(preview(env, "--state", SAMPLE)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("送信しません (状態テーブルによる判定): repeat");

        ObjectNode closed = (ObjectNode) MAPPER.readTree(Files.readAllBytes(Path.of(SAMPLE)));
        ((ObjectNode) closed.get("detail")).put("statusCode", "closed");
        Path closedFile = dir.resolve("closed.json");
        Files.write(closedFile, MAPPER.writeValueAsBytes(closed));
        JsonNode completion = previewJson(closedFile.toString());
        assertThat(completion.get("subject").asText()).startsWith("【完了】");
        assertThat(completion.get("text").asText()).startsWith("■ 変更点\nステータス: 予定 → 終了");
        assertThat(previewJson(closedFile.toString()).get("subject").asText()).startsWith("【完了】");
    }

    @Test
    void withoutATableNamedItSaysWhatIsMissing() {
        Map<String, String> noTable = new HashMap<>(env);
        noTable.remove(StateTable.ENV);

        assertThat(preview(noTable, "--state", SAMPLE)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--state needs SHIRASE_STATE_TABLE");
    }

    @Test
    void aTableThatCannotBeReadIsTheFilesError() throws Exception {
        Map<String, String> missing = new HashMap<>(env);
        missing.put(StateTable.ENV, "no-such-table");

        assertThat(preview(missing, "--state", "--format", "json", SAMPLE)).isEqualTo(1);
        assertThat(MAPPER.readTree(out.toString(StandardCharsets.UTF_8)).get("error").asText())
                .contains("state table no-such-table");
    }
}
