package dev.shirase.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.handler.SamLocal;
import dev.shirase.handler.TemplateFunction;
import dev.shirase.testing.ChildJvm;
import dev.shirase.testing.Events;
import dev.shirase.testing.MotoServer;
import dev.shirase.testing.RdsQueryStub;
import dev.shirase.testing.RdsQueryStub.Action;
import dev.shirase.testing.RdsQueryStub.Resource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code sam local invoke NotifyFunction -e events/<file>.json [--env-vars events/local/env-vars.json]} for every
 * sample, without Docker: the handler template.yaml names, in a JVM of its own (so that it reads its configuration
 * from the process environment, as in the container), with the environment SAM local would give it
 * ({@link SamLocalEnvironment}). A notice must be printed for each, and nothing must fail.
 */
class SamLocalInvokeTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path ENV_VARS = SamTemplate.PROJECT.resolve("events/local/env-vars.json");
    private static final Pattern DELIVERED = Pattern.compile("\"delivered\":\\[\"console\"]");

    @Test
    void theReferencesSamLocalLeavesAreTheOnesTheHandlersKnow() {
        SamTemplate written = SamTemplate.loadLongForm();
        Map<String, String> inTemplate = new TreeMap<>();
        for (TemplateFunction function : TemplateFunction.values()) {
            for (String name : SamLocalEnvironment.declared(written, function.logicalId())) {
                JsonNode value = written.properties(function.logicalId()).at("/Environment/Variables").path(name);
                if (value.isObject() && value.has("Ref") && written.resources().has(value.get("Ref").asText())) {
                    inTemplate.put(name, value.get("Ref").asText());
                }
            }
        }
        Map<String, String> known = new TreeMap<>();
        SamLocal.REFERENCES.forEach(r -> known.put(r.variable(), r.logicalId()));

        assertThat(inTemplate).isEqualTo(known);
    }

    @Test
    void theEnvVarsFileBlanksEveryChannelAndTheTableOfEveryFunction() throws IOException {
        JsonNode file = MAPPER.readTree(ENV_VARS.toFile());
        SamTemplate written = SamTemplate.loadLongForm();
        Set<String> declared = new TreeSet<>();
        for (TemplateFunction function : TemplateFunction.values()) {
            declared.addAll(SamLocalEnvironment.declared(written, function.logicalId()));
        }

        Map<String, String> blanked = new TreeMap<>();
        file.path("Parameters").properties().forEach(p -> blanked.put(p.getKey(), p.getValue().asText()));

        assertThat(blanked).containsOnlyKeys("SHIRASE_TOPIC_ARN", "SHIRASE_STATE_TABLE", "SHIRASE_MAIL_FROM",
                "SHIRASE_MAIL_TO").allSatisfy((name, value) -> assertThat(value).as(name).isEmpty());
        // SAM local ignores a variable the template does not declare: each of these must be declared.
        assertThat(declared).containsAll(blanked.keySet());
    }

    @Test
    void everySampleGivesANoticeWithTheEnvVarsFile() throws Exception {
        Map<String, String> env = offline(SamLocalEnvironment.of("NotifyFunction", ENV_VARS));

        ChildJvm.Run run = invokeEverySample(env);

        assertThat(run.status()).as(run.stderr()).isZero();
        assertThat(count(DELIVERED, run.stdout())).isEqualTo(Events.notifierSamples().size());
        assertThat(count(Pattern.compile("(?m)^件名: 【"), run.stdout())).isEqualTo(Events.notifierSamples().size());
        assertThat(run.stderr()).doesNotContain("\"level\":\"ERROR\"").doesNotContain("sam local invoke resolves");
    }

    /** The README's first command has no --env-vars: SAM local then gives "Topic" and "StateTable". */
    @Test
    void withoutTheEnvVarsFileEverySampleStillGivesANoticeAndTheLogSaysWhy() throws Exception {
        Map<String, String> env = offline(SamLocalEnvironment.of("NotifyFunction"));
        assertThat(env).containsEntry("SHIRASE_TOPIC_ARN", "Topic").containsEntry("SHIRASE_STATE_TABLE", "StateTable");

        ChildJvm.Run run = invokeEverySample(env);

        assertThat(run.status()).as(run.stderr()).isZero();
        assertThat(count(DELIVERED, run.stdout())).isEqualTo(Events.notifierSamples().size());
        assertThat(run.stderr())
                .contains("SHIRASE_TOPIC_ARN=Topic is not a topic ARN: sam local invoke resolves !Ref Topic to the"
                        + " logical id")
                .contains("SHIRASE_STATE_TABLE=StateTable is not a deployed table's name")
                .contains("pass --env-vars events/local/env-vars.json")
                .doesNotContain("\"level\":\"ERROR\"");
    }

    /**
     * The scan reads RDS whatever the channels: here from WireMock shaped like the RDS Query API (DB details through
     * to moto), where sam local invoke would reach the account of the AWS profile. Needs moto_server.
     */
    @Test
    void theScheduledScanPrintsItsDigestWithTheEnvVarsFile() throws Exception {
        MotoServer moto = MotoServer.get();
        moto.reset();
        try (RdsQueryStub rds = RdsQueryStub.start(moto)) {
            rds.pendingActions(Resource.of("arn:aws:rds:ap-northeast-1:123456789012:db:orders-db",
                    new Action("system-update", Instant.parse("2026-12-01T00:00:00Z"), null, null, null,
                            "New Operating System update is available")));
            Map<String, String> env = new HashMap<>(SamLocalEnvironment.of("ScanFunction", ENV_VARS));
            env.put("AWS_ENDPOINT_URL", moto.endpoint().toString());
            env.put("AWS_ENDPOINT_URL_RDS", rds.endpoint());

            ChildJvm.Run run = ChildJvm.cli(System.getProperty("java.class.path"), env, "invoke", "--function",
                    "ScanFunction", "events/scan/scheduled-scan.json");

            assertThat(run.status()).as(run.stderr()).isZero();
            assertThat(run.stdout()).contains("件名: 【").contains("orders-db").contains("\"digestSent\":true");
            assertThat(run.stderr()).doesNotContain("\"level\":\"ERROR\"");
        }
    }

    private static ChildJvm.Run invokeEverySample(Map<String, String> env) throws Exception {
        List<String> args = new ArrayList<>(List.of("invoke", "--function", "NotifyFunction"));
        Events.notifierSamples().forEach(p -> args.add(p.toString()));
        return ChildJvm.cli(System.getProperty("java.class.path"), env, args.toArray(String[]::new));
    }

    /**
     * Not part of what SAM local sets: every AWS endpoint is a loopback port where nothing listens, so that a call
     * the offline notifier should not make fails here instead of reaching AWS.
     */
    private static Map<String, String> offline(Map<String, String> samLocal) throws IOException {
        Map<String, String> env = new HashMap<>(samLocal);
        env.put("AWS_ENDPOINT_URL", ChildJvm.nowhere());
        return env;
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
