package dev.shirase.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * The {@code ./shirase} launcher with the packaged jar: it records its class cache on first use (Java 25's AOT cache
 * on a JDK 25 or newer, an AppCDS archive before, or when {@code SHIRASE_AOT_CACHE=off}), the next runs load their
 * classes (the AWS SDK's included) from it, and a new jar or another JDK gets a new cache.
 */
class LauncherIT {
    private static final Path JAR = Path.of("target/shirase.jar");
    private static final Path AOT_CACHE = Path.of("target/shirase.aot");
    private static final Path AOT_CACHE_JDK = Path.of("target/shirase.aot.jdk");
    private static final Path CDS_ARCHIVE = Path.of("target/shirase.jsa");
    private static final String EVENT = "events/health-ec2-instance-reboot.json";
    private static final boolean JDK_HAS_AOT_CACHE = Runtime.version().feature() >= 25;

    private static ChildJvm.Run launcher(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "shirase"));
        command.addAll(List.of(args));
        Map<String, String> withJdk = new HashMap<>(env);
        withJdk.put("JAVA_HOME", System.getProperty("java.home"));
        return ChildJvm.process(command, withJdk, Duration.ofMinutes(3));
    }

    @Test
    void theDefaultCacheIsRecordedOnFirstUseUsedAfterAndRecordedAgainForANewJar(@TempDir Path dir) throws Exception {
        recordedUsedAndRecordedAgain(Map.of(), JDK_HAS_AOT_CACHE ? AOT_CACHE : CDS_ARCHIVE, dir);
    }

    @Test
    void withTheAotCacheOffAnAppCdsArchiveDoesTheSame(@TempDir Path dir) throws Exception {
        recordedUsedAndRecordedAgain(Map.of("SHIRASE_AOT_CACHE", "off"), CDS_ARCHIVE, dir);
    }

    @Test
    void anAotCacheWrittenByAnotherJdkIsRecordedAgain() throws Exception {
        // Only a JDK 25+ writes one; the AppCDS archive is checked by the JVM itself (AutoCreateSharedArchive).
        assumeTrue(JDK_HAS_AOT_CACHE, "a JDK 25 or newer");
        assertThat(launcher(Map.of(), "preview", EVENT).status()).isZero();
        FileTime recorded = Files.getLastModifiedTime(AOT_CACHE);
        Files.writeString(AOT_CACHE_JDK, "/opt/another-jdk 25.0.1\n");

        ChildJvm.Run run = launcher(Map.of(), "preview", EVENT);

        assertThat(run.status()).as(run.stderr()).isZero();
        assertThat(Files.getLastModifiedTime(AOT_CACHE)).isGreaterThan(recorded);
        assertThat(Files.readString(AOT_CACHE_JDK)).startsWith(System.getProperty("java.home") + " 25");
    }

    private static void recordedUsedAndRecordedAgain(Map<String, String> settings, Path cache, Path dir) throws Exception {
        Files.deleteIfExists(cache);

        ChildJvm.Run first = launcher(settings, "preview", EVENT);

        assertThat(first.status()).as(first.stderr()).isZero();
        assertThat(first.stdout()).contains("件名: 【要対応・必須】EC2 インスタンス再起動");
        assertThat(first.stderr()).isEmpty();
        assertThat(cache).exists();

        // An invoke that builds an SNS client (and fails to publish: nothing listens there) after a preview recorded the
        // cache: the SDK's classes come from it all the same, since it is recorded from a rehearsal of both functions,
        // not from whichever command ran first.
        Path classLog = dir.resolve("classes.log");
        Map<String, String> env = new HashMap<>(ChildJvm.snsNowhere());
        env.putAll(settings);
        env.put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classLog);
        ChildJvm.Run invoke = launcher(env, "invoke", EVENT);

        assertThat(invoke.stderr()).contains("REPORT RequestId: ");
        List<String> loaded = Files.readAllLines(classLog);
        assertThat(loaded).anySatisfy(line -> assertThat(line)
                .contains("dev.shirase.handler.Cli ").contains("source: shared objects file"));
        assertThat(loaded).anySatisfy(line -> assertThat(line)
                .contains("software.amazon.awssdk.services.sns.DefaultSnsClient ").contains("source: shared objects file"));

        FileTime recorded = Files.getLastModifiedTime(cache);
        // Newer than the cache, as a rebuilt jar is (and not in the future, which would keep it newer than the next).
        Files.setLastModifiedTime(JAR, FileTime.from(Instant.now()));
        ChildJvm.Run afterNewJar = launcher(settings, "preview", EVENT);

        assertThat(afterNewJar.status()).as(afterNewJar.stderr()).isZero();
        assertThat(Files.getLastModifiedTime(cache)).isGreaterThan(recorded);
    }
}
