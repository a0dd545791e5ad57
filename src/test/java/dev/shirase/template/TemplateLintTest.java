package dev.shirase.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The templates pass cfn-lint without a single finding: template.yaml with the SAM transform, and the forwarder's plain
 * CloudFormation.
 */
class TemplateLintTest {

    @ParameterizedTest
    @ValueSource(strings = {"template.yaml", "forwarder/template.yaml"})
    void cfnLintFindsNothing(String template) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("cfn-lint", template)
                .directory(SamTemplate.PROJECT.toFile())
                .redirectErrorStream(true);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            // A prerequisite of the build, like moto_server: never skip, or a broken template would pass unseen.
            fail("cfn-lint is required to test " + template + " and could not be started (" + e.getMessage()
                    + "); install it with: pip install cfn-lint");
            return;
        }
        process.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("cfn-lint " + template + " did not finish within 5 minutes");
        }
        String findings = output.get(1, TimeUnit.MINUTES);

        assertThat(findings).as("cfn-lint %s output", template).isEmpty();
        assertThat(process.exitValue()).as("cfn-lint exit status; output:%n%s", findings).isZero();
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(could not read cfn-lint output: " + e.getMessage() + ")";
        }
    }
}
