package dev.shirase.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.handler.Cli;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The handlers template.yaml names are the ones the code provides, so a rename cannot break a deploy unseen. */
class TemplateHandlersTest {
    private final SamTemplate template = SamTemplate.load();

    @Test
    void shortFormTagsParse() {
        // Jackson keeps the value of a tag it does not know: the proof that the tree below is the template's.
        assertThat(template.properties("NotifyFunction").path("Environment").path("Variables")
                .path("SHIRASE_TOPIC_ARN").asText()).isEqualTo("Topic");
        assertThat(template.properties("Topic").path("KmsMasterKeyId").asText()).isEqualTo("TopicKey");
    }

    @Test
    void notifyFunctionRunsTheHandlerTheLocalToolsRun() {
        assertThat(handler("NotifyFunction")).isEqualTo(Cli.NOTIFY_HANDLER);
    }

    @Test
    void notifyHandlerClassAndMethodExist() throws ClassNotFoundException {
        assertHandlerExists(handler("NotifyFunction"));
    }

    @Test
    void scanFunctionRunsTheHandlerTheLocalToolsRun() throws ClassNotFoundException {
        assertThat(handler("ScanFunction")).isEqualTo(Cli.SCAN_HANDLER);
        assertHandlerExists(handler("ScanFunction"));
    }

    private String handler(String function) {
        return template.properties(function).path("Handler").asText();
    }

    /** The class loads (without running its static initialiser) and has a public instance method of that name. */
    private static void assertHandlerExists(String handler) throws ClassNotFoundException {
        assertThat(handler).matches("[\\w.$]+::\\w+");
        String className = handler.substring(0, handler.indexOf("::"));
        String methodName = handler.substring(handler.indexOf("::") + 2);

        Class<?> type = Class.forName(className, false, TemplateHandlersTest.class.getClassLoader());

        assertThat(Modifier.isPublic(type.getModifiers())).as("%s is public", className).isTrue();
        assertThat(Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(methodName))
                .map(Method::getModifiers)
                .anyMatch(m -> !Modifier.isStatic(m)))
                .as("%s has a public instance method %s", className, methodName)
                .isTrue();
    }
}
