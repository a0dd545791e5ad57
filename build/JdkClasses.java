import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the class files of JDK modules, out of the running JDK's run-time image (jrt:/), into one jar for ProGuard to
 * read as library classes. ProGuard reads jmods, but JDKs built without them (JEP 493, e.g. Temurin 25) have none;
 * every JDK 9+ has the jrt:/ file system. Run as a source file: {@code java build/JdkClasses.java JAR MODULE...}.
 */
public class JdkClasses {
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java build/JdkClasses.java JAR MODULE...");
            System.exit(2);
        }
        Path modules = FileSystems.getFileSystem(URI.create("jrt:/")).getPath("/modules");
        try (ZipOutputStream jar = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(Path.of(args[0]))))) {
            // Read once and thrown away: storing is faster than compressing.
            jar.setLevel(Deflater.NO_COMPRESSION);
            for (String module : List.of(args).subList(1, args.length)) {
                Path root = modules.resolve(module);
                if (!Files.isDirectory(root)) {
                    throw new IllegalArgumentException("this JDK (" + System.getProperty("java.home")
                            + ") has no module " + module);
                }
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        String name = root.relativize(file).toString();
                        if (name.endsWith(".class") && !name.equals("module-info.class")) {
                            jar.putNextEntry(new ZipEntry(name));
                            jar.write(Files.readAllBytes(file));
                            jar.closeEntry();
                        }
                    }
                }
            }
        }
    }
}
