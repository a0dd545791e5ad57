package dev.shirase.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.testing.ChildJvm;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the SDK finds by name in the shrunk jar (target/shirase.jar), rather than through a reference ProGuard can
 * follow, must still be in it: service providers, the classes the SDK's GraalVM configuration declares reflective, and
 * classes named in string constants. Classes are loaded from the jar alone, so that the SDK on the tests' own classpath
 * cannot stand in for a class the jar lost. Covers what the end-to-end runs of {@link ShrunkJarIT} cannot reach (web
 * identity and profile roles are reached there, the CRT and SSO are not on the classpath at all). Runs after package.
 */
class ShrunkJarContentsIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern SERVICES = Pattern.compile("META-INF/services/[^/]+");
    private static final Pattern REFLECT_CONFIG = Pattern.compile("META-INF/native-image/.+/reflect-config\\.json");
    private static final Map<String, Class<?>> PRIMITIVES = Map.of("boolean", boolean.class, "byte", byte.class,
            "char", char.class, "short", short.class, "int", int.class, "long", long.class, "float", float.class,
            "double", double.class);

    private static ZipFile shrunk;
    private static ZipFile unshrunk;
    private static URLClassLoader loader;

    @BeforeAll
    static void open() throws IOException {
        shrunk = new ZipFile(ChildJvm.packagedJar().toFile());
        unshrunk = new ZipFile(ChildJvm.unshrunkJar().toFile());
        loader = new URLClassLoader(new URL[] {ChildJvm.packagedJar().toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
    }

    @AfterAll
    static void close() throws IOException {
        loader.close();
        shrunk.close();
        unshrunk.close();
    }

    /**
     * template.yaml turns off the Java runtime's Log4Shell patch (AWS_LAMBDA_DISABLE_CVE_2021_44228_PROTECTION), which
     * is safe only while no Log4j is in the package; the SnapStart hooks and their bundled samples are.
     */
    @Test
    void thePackageHasNoLog4jAndHasWhatSnapStartPrimingNeeds() {
        List<String> names = shrunk.stream().map(ZipEntry::getName).toList();

        assertThat(names).noneMatch(name -> name.startsWith("org/apache/logging/log4j/") || name.startsWith("org/apache/log4j/"));
        assertThat(names).contains("org/crac/Core.class", "dev/shirase/checkpoint/Core.class",
                "priming/health-rds-aurora-postgresql-security-upgrade.json",
                "priming/rds-event-0287-cluster-os-upgrade-required.json", "priming/health-ec2-instance-reboot.json",
                "priming/scan/scheduled-scan.json",
                "priming/describe-pending-maintenance-actions.xml");
    }

    /** ServiceLoader makes each provider listed in META-INF/services with its public no-argument constructor. */
    @Test
    void everyServiceProviderTheJarListsIsInItAndCanBeMade() throws IOException {
        List<String> providers = new ArrayList<>();
        for (ZipEntry entry : entries(shrunk, SERVICES)) {
            text(shrunk, entry).lines().map(line -> line.replaceFirst("#.*", "").strip()).filter(line -> !line.isEmpty())
                    .forEach(providers::add);
        }

        assertThat(providers).isNotEmpty().allSatisfy(provider -> {
            Class<?> type = load(provider);
            assertThat(Modifier.isPublic(type.getConstructor().getModifiers())).as(provider).isTrue();
        });
    }

    /** The SDK's own list of what it reaches by reflection (for GraalVM native images), read from the jars it came in. */
    @Test
    void everyClassAndMemberTheSdkDeclaresReflectiveIsInIt() throws IOException {
        List<ZipEntry> configs = entries(unshrunk, REFLECT_CONFIG);
        assertThat(configs).as("reflect-config.json files of the unshrunk jar").isNotEmpty();

        for (ZipEntry config : configs) {
            for (JsonNode declared : MAPPER.readTree(text(unshrunk, config))) {
                String name = declared.get("name").asText();
                Class<?> type = load(name);
                for (JsonNode method : declared.path("methods")) {
                    Class<?>[] parameters = new Class<?>[method.path("parameterTypes").size()];
                    for (int i = 0; i < parameters.length; i++) {
                        parameters[i] = typeNamed(method.get("parameterTypes").get(i).asText());
                    }
                    String member = name + "." + method.get("name").asText();
                    assertThat(exists(() -> method.get("name").asText().equals("<init>")
                            ? type.getDeclaredConstructor(parameters) : type.getDeclaredMethod(method.get("name").asText(),
                                    parameters))).as("%s in %s", member, config.getName()).isTrue();
                }
                for (JsonNode field : declared.path("fields")) {
                    assertThat(exists(() -> type.getDeclaredField(field.get("name").asText())))
                            .as("%s.%s in %s", name, field.get("name").asText(), config.getName()).isTrue();
                }
            }
        }
    }

    /**
     * ProGuard follows {@code Class.forName("...")}, but not the SDK's own ways to look a class up by name
     * (ClassLoaderHelper, DependencyValidate.requireClass ...). Whatever class of the unshrunk jar the kept code names
     * in a string must be kept too: the STS credential providers, the optional signers' marker classes.
     */
    @Test
    void everyClassTheKeptCodeNamesInAStringIsInIt() throws IOException {
        Set<String> before = classNames(unshrunk);
        Set<String> after = classNames(shrunk);
        Map<String, String> lost = new TreeMap<>();
        int named = 0;
        for (ZipEntry entry : entries(shrunk, Pattern.compile(".+\\.class"))) {
            for (String constant : stringConstants(bytes(shrunk, entry))) {
                if (before.contains(constant)) {
                    named++;
                    if (!after.contains(constant)) {
                        lost.put(constant, entry.getName());
                    }
                }
            }
        }

        assertThat(named).as("class names in strings of the kept code").isPositive();
        assertThat(lost).as("classes named in a string (and the class that names them) that the shrink left out")
                .isEmpty();
    }

    /** The string constants of a class file (CONSTANT_String entries of its constant pool, JVMS 4.4). */
    static List<String> stringConstants(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        in.skipNBytes(8); // magic, minor and major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> strings = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 8 -> strings.add(in.readUnsignedShort());
                case 7, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // a long or a double takes two entries
                }
                default -> throw new IOException("constant pool tag " + tag + " at entry " + i);
            }
        }
        return strings.stream().map(index -> utf8[index]).toList();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new AssertionError(name + " cannot be loaded from the shrunk jar: " + e, e);
        }
    }

    private static Class<?> typeNamed(String name) {
        Class<?> primitive = PRIMITIVES.get(name);
        return primitive != null ? primitive : load(name);
    }

    private interface Lookup {
        Object find() throws ReflectiveOperationException;
    }

    private static boolean exists(Lookup lookup) {
        try {
            return lookup.find() != null;
        } catch (ReflectiveOperationException | LinkageError missing) {
            return false;
        }
    }

    /** The classes of a jar by name; the versioned ones under META-INF/versions are not on the classpath of this jar. */
    private static Set<String> classNames(ZipFile jar) {
        return jar.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/"))
                .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                .collect(Collectors.toSet());
    }

    private static List<ZipEntry> entries(ZipFile jar, Pattern name) {
        return jar.stream().filter(e -> !e.isDirectory() && name.matcher(e.getName()).matches()).map(ZipEntry.class::cast)
                .toList();
    }

    private static byte[] bytes(ZipFile jar, ZipEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static String text(ZipFile jar, ZipEntry entry) throws IOException {
        return new String(bytes(jar, entry), StandardCharsets.UTF_8);
    }
}
