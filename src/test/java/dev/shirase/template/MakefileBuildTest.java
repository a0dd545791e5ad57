package dev.shirase.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import dev.shirase.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code sam build} does with the functions' {@code BuildMethod: makefile}: it copies the project to a scratch
 * folder and runs {@code make --makefile <project>/Makefile build-<function>} there with {@code ARTIFACTS_DIR} set
 * (aws-lambda-builders' custom_make workflow). Here the default java and JAVA_HOME are a JDK 17, and the package must
 * still be built, with a JDK 21+ found elsewhere, and be what Lambda's Java runtime loads, small enough zipped.
 */
class MakefileBuildTest {
    private static final List<String> FUNCTIONS = List.of("NotifyFunction", "ScanFunction");
    /** What sam build copies: the whole folder but .git and .aws-sam; target/ is left out here to keep it small. */
    private static final List<String> PROJECT_FILES = List.of("pom.xml", "mvnw", ".mvn", "src/main", "build", "Makefile");

    /** The package zipped, as SAM uploads it, must stay under this: 16 MB, read as 16,000,000 bytes. */
    private static final long ZIPPED_LIMIT = 16_000_000;

    @TempDir
    Path work;

    /** Where the one real build (a few minutes) is made, for the tests that look at its package. */
    @TempDir
    static Path built;
    private static Result build;

    @Test
    void everyFunctionIsBuiltByItsOwnMakefileTarget() throws IOException {
        SamTemplate template = SamTemplate.load();
        String makefile = Files.readString(SamTemplate.PROJECT.resolve("Makefile"));

        assertThat(template.resourcesOfType("AWS::Serverless::Function")).containsExactlyElementsOf(FUNCTIONS);
        for (String function : FUNCTIONS) {
            assertThat(template.resource(function).at("/Metadata/BuildMethod").asText()).as(function).isEqualTo("makefile");
            assertThat(makefile).as("Makefile target for %s", function).containsPattern("(?m)^(?![#\\s])[^:=]*\\bbuild-" + function + "\\b[^:=]*:");
        }
    }

    @Test
    void bothTargetsRunTheSameBuild() throws Exception {
        Map<String, String> env = Map.of("ARTIFACTS_DIR", work.resolve("artifacts").toString());

        Result notify = run(List.of("make", "--dry-run", "build-NotifyFunction"), SamTemplate.PROJECT, env, Duration.ofSeconds(30));
        Result scan = run(List.of("make", "--dry-run", "build-ScanFunction"), SamTemplate.PROJECT, env, Duration.ofSeconds(30));

        assertThat(notify.status()).as(notify.output()).isZero();
        assertThat(scan.output().replace("ScanFunction", "NotifyFunction")).isEqualTo(notify.output());
        assertThat(notify.output()).contains(" package ").doesNotContain(" verify");
    }

    /** The build with the tests is asked for by name, and the test run then is the whole suite's. */
    @Test
    void testsRunOnlyWhenAskedFor() throws Exception {
        Map<String, String> env = Map.of("ARTIFACTS_DIR", work.resolve("artifacts").toString(), "SHIRASE_BUILD_TESTS", "1");

        Result withTests = run(List.of("make", "--dry-run", "build-NotifyFunction"), SamTemplate.PROJECT, env,
                Duration.ofSeconds(30));

        assertThat(withTests.output()).containsPattern("(?m)^bash build/mvn .* verify$").doesNotContain(" package ");
    }

    @Test
    void withJdk17AsTheDefaultAJdk21IsFoundAndThePackageIsWhatLambdaLoads() throws Exception {
        Path artifacts = packageBuilt();

        // One jar in lib/, which Lambda's Java runtime puts on the classpath.
        assertThat(names(artifacts)).containsExactly("lib");
        assertThat(names(artifacts.resolve("lib"))).containsExactly("shirase.jar");
        try (ZipFile jar = new ZipFile(artifacts.resolve("lib/shirase.jar").toFile())) {
            ZipEntry handler = jar.getEntry("dev/shirase/handler/NotifyHandler.class");
            assertThat(handler).isNotNull();
            assertThat(jar.getEntry("dev/shirase/handler/ScanHandler.class")).isNotNull();
            // Class file version 65: compiled for Java 21, Lambda's runtime.
            try (InputStream in = jar.getInputStream(handler)) {
                assertThat(in.readNBytes(8)[7]).isEqualTo((byte) 65);
            }
            List<String> entries = jar.stream().map(ZipEntry::getName).toList();
            assertThat(entries)
                    .anyMatch(e -> e.startsWith("com/amazonaws/services/lambda/runtime/"))
                    .anyMatch(e -> e.startsWith("com/fasterxml/jackson/databind/"))
                    .anyMatch(e -> e.startsWith("software/amazon/awssdk/services/sns/"))
                    .as("no test classes, nothing of the tests' dependencies")
                    .noneMatch(e -> e.startsWith("dev/shirase/template/") || e.startsWith("org/junit/")
                            || e.startsWith("com/github/tomakehurst/") || e.startsWith("org/assertj/"));
        }

        // The package alone runs the handler the template names, as Lambda would (the CLI's invoke is in it too).
        String classpath = artifacts + ":" + artifacts.resolve("lib") + "/*";
        ChildJvm.Run invoke = ChildJvm.cli(classpath, Map.of(), "invoke", "events/health-ec2-instance-reboot.json");
        assertThat(invoke.status()).as(invoke.stderr()).isZero();
        assertThat(invoke.stdout()).contains("件名: 【要対応・必須】EC2 インスタンス再起動");
        // With an SNS client built, the SDK's logging finds its binding: no SLF4J warning in the function's log.
        ChildJvm.Run sdk = ChildJvm.cli(classpath, ChildJvm.snsNowhere(), "invoke", "events/health-ec2-instance-reboot.json");
        assertThat(sdk.stderr()).contains("Connection refused").doesNotContain("SLF4J");
    }

    /** What SAM uploads is the function's folder zipped: it is held under {@link #ZIPPED_LIMIT}. */
    @Test
    void thePackageZippedAsSamUploadsItIsUnder16Mb() throws Exception {
        Path artifacts = packageBuilt();

        long zipped = zippedSize(artifacts, work.resolve("package.zip"));

        assertThat(zipped).as("bytes of the package zipped").isLessThan(ZIPPED_LIMIT);
    }

    @Test
    void withoutAJdk21TheBuildStopsAtOnceSayingWhatToInstall() throws Exception {
        Instant start = Instant.now();

        Result build = buildWithJdk17AsTheDefault(work, toolsWithoutJava(),
                Files.createDirectories(work.resolve("no-jdks")) + "/*", Duration.ofMinutes(1));

        assertThat(build.status()).isNotZero();
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(20));
        assertThat(build.output())
                .contains("a JDK 21 or newer is needed to build Shirase, and none was found")
                .contains("looked at: " + work.resolve("jdk-17") + " (Java 17)")
                .contains("export JAVA_HOME=")
                .doesNotContain("[INFO]");
        assertThat(work.resolve("artifacts/lib")).doesNotExist();
    }

    /**
     * The package of NotifyFunction, built once by make with a JDK 17 as the default; the JDK running this test (21 or
     * newer) is found only by searching, as an installed JDK would be.
     */
    private static synchronized Path packageBuilt() throws Exception {
        if (build == null) {
            build = buildWithJdk17AsTheDefault(built, System.getenv("PATH"), System.getProperty("java.home"),
                    Duration.ofMinutes(8));
        }
        assertThat(build.status()).as("make build-NotifyFunction:%n%s", build.output()).isZero();
        return built.resolve("artifacts");
    }

    /**
     * make build-NotifyFunction as aws-lambda-builders runs it: in a copy of the project under {@code base}, the
     * project's Makefile named by path, ARTIFACTS_DIR set to {@code base}/artifacts; JAVA_HOME and the first java on
     * PATH are a JDK 17.
     */
    private static Result buildWithJdk17AsTheDefault(Path base, String restOfPath, String jdkSearch, Duration timeout)
            throws Exception {
        Path copy = copyOfProject(base);
        Path jdk17 = fakeJdk17(base);
        Map<String, String> env = Map.of(
                "ARTIFACTS_DIR", base.resolve("artifacts").toString(),
                "JAVA_HOME", jdk17.toString(),
                "PATH", jdk17.resolve("bin") + ":" + restOfPath,
                "SHIRASE_JDK_SEARCH", jdkSearch);
        return run(List.of("make", "--makefile", copy.resolve("Makefile").toString(), "build-NotifyFunction"), copy,
                env, timeout);
    }

    private static Path copyOfProject(Path base) throws IOException {
        Path copy = base.resolve("scratch");
        for (String name : PROJECT_FILES) {
            copyTree(SamTemplate.PROJECT.resolve(name), copy.resolve(name));
        }
        return copy;
    }

    /** A JDK home whose java says it is 17, as the finder asks, and does nothing else. */
    private static Path fakeJdk17(Path base) throws IOException {
        Path home = base.resolve("jdk-17");
        Path bin = Files.createDirectories(home.resolve("bin"));
        String java = """
                #!/bin/sh
                case "$*" in
                  *-XshowSettings:properties*) printf '%s\\n' 'Property settings:' '    java.specification.version = 17' >&2
                    echo 'openjdk version "17.0.15" 2025-04-15' >&2; exit 0 ;;
                esac
                echo "this is Java 17: $*" >&2
                exit 1
                """;
        for (String tool : List.of("java", "javac")) {
            executable(bin.resolve(tool), java);
        }
        return home;
    }

    private static void executable(Path file, String script) throws IOException {
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A folder of the tools make and the build scripts use, and no java, to be the whole PATH. */
    private String toolsWithoutJava() throws IOException {
        Path tools = Files.createDirectories(work.resolve("tools"));
        for (String tool : List.of("make", "sh", "bash", "env", "rm", "mkdir", "cp", "dirname", "readlink", "awk",
                "grep", "cat", "test")) {
            Path found = onPath(tool);
            if (found != null) {
                executable(tools.resolve(tool), "#!/bin/sh\nexec '" + found + "' \"$@\"\n");
            }
        }
        return tools.toString();
    }

    private static Path onPath(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private record Result(int status, String output) {
    }

    /** Runs a command with only the given variables changed (and no SHIRASE_ or AWS_ settings of this JVM's own). */
    private static Result run(List<String> command, Path directory, Map<String, String> env, Duration timeout)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        // SHIRASE_BUILD_TESTS above all: a build run by a test must not run the tests, this one among them, again.
        builder.environment().keySet().removeIf(name -> name.startsWith("SHIRASE_") || name.startsWith("AWS_")
                || name.equals("JAVA_HOME") || name.equals("MAKEFLAGS") || name.equals("MAKELEVEL"));
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            fail(command.get(0) + " is required to test the SAM build and could not be started: " + e.getMessage());
            return null;
        }
        process.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within " + timeout);
        }
        return new Result(process.exitValue(), output.get(1, TimeUnit.MINUTES));
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder zipped as SAM zips a function's package (every file, deflated), and the size of the zip. */
    private static long zippedSize(Path folder, Path zip) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(folder)) {
            files = all.filter(Files::isRegularFile).sorted().toList();
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Path file : files) {
                out.putNextEntry(new ZipEntry(folder.relativize(file).toString()));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return Files.size(zip);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(all::add);
        }
        for (Path source : all) {
            Path target = to.resolve(from.relativize(source).toString());
            if (Files.isDirectory(source)) {
                Files.createDirectories(target);
            } else {
                Files.createDirectories(target.getParent());
                Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
