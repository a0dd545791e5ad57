package dev.shirase.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./shirase} launcher with the packaged jar: it records the class-data-sharing archive on first use, the
 * next runs load their classes (the AWS SDK's included) from it, and a new jar gets a new archive.
 */
class LauncherIT {
    private static final Path JAR = Path.of("target/shirase.jar");
    private static final Path ARCHIVE = Path.of("target/shirase.jsa");
    private static final String EVENT = "events/health-ec2-instance-reboot.json";

    private static ChildJvm.Run launcher(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "shirase"));
        command.addAll(List.of(args));
        Map<String, String> withJdk = new HashMap<>(env);
        withJdk.put("JAVA_HOME", System.getProperty("java.home"));
        return ChildJvm.process(command, withJdk, Duration.ofMinutes(3));
    }

    @Test
    void theArchiveIsRecordedOnFirstUseUsedAfterAndRecordedAgainForANewJar(@TempDir Path dir) throws Exception {
        Files.deleteIfExists(ARCHIVE);

        ChildJvm.Run first = launcher(Map.of(), "preview", EVENT);

        assertThat(first.status()).as(first.stderr()).isZero();
        assertThat(first.stdout()).contains("件名: 【要対応・必須】EC2 インスタンス再起動");
        assertThat(first.stderr()).isEmpty();
        assertThat(ARCHIVE).exists();

        // An invoke that builds an SNS client (and fails to publish: nothing listens there) after a preview recorded the
        // archive: the SDK's classes come from it all the same, since the archive is recorded from a rehearsal of both
        // functions, not from whichever command ran first.
        Path classLog = dir.resolve("classes.log");
        Map<String, String> env = new HashMap<>(ChildJvm.snsNowhere());
        env.put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classLog);
        ChildJvm.Run invoke = launcher(env, "invoke", EVENT);

        assertThat(invoke.stderr()).contains("REPORT RequestId: ");
        List<String> loaded = Files.readAllLines(classLog);
        assertThat(loaded).anySatisfy(line -> assertThat(line)
                .contains("dev.shirase.handler.Cli ").contains("source: shared objects file"));
        assertThat(loaded).anySatisfy(line -> assertThat(line)
                .contains("software.amazon.awssdk.services.sns.DefaultSnsClient ").contains("source: shared objects file"));

        FileTime recorded = Files.getLastModifiedTime(ARCHIVE);
        // Newer than the archive, as a rebuilt jar is (and not in the future, which would keep it newer than the next).
        Files.setLastModifiedTime(JAR, FileTime.from(Instant.now()));
        ChildJvm.Run afterNewJar = launcher(Map.of(), "preview", EVENT);

        assertThat(afterNewJar.status()).as(afterNewJar.stderr()).isZero();
        assertThat(Files.getLastModifiedTime(ARCHIVE)).isGreaterThan(recorded);
    }
}
