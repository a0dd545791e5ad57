package dev.shirase.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.handler.TemplateFunction;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The local tools give each handler the time Lambda gives it, so a local run meets the same deadlines. */
class TemplateTimeoutsTest {
    private final SamTemplate template = SamTemplate.load();

    @Test
    void localTimeoutsAreTheFunctionsTimeouts() {
        for (TemplateFunction function : TemplateFunction.values()) {
            JsonNode timeout = template.properties(function.logicalId()).path("Timeout");

            assertThat(timeout.isInt()).as("%s sets its own Timeout in seconds", function.logicalId()).isTrue();
            assertThat(function.timeout().toSeconds()).as(function.logicalId()).isEqualTo(timeout.asLong());
        }
    }

    @Test
    void localReportsCountAgainstTheDefaultMemorySize() {
        SamTemplate longForm = SamTemplate.loadLongForm();
        for (TemplateFunction function : TemplateFunction.values()) {
            assertThat(longForm.properties(function.logicalId()).path("MemorySize").isMissingNode()).isTrue();
        }
        assertThat(longForm.functionGlobals().at("/MemorySize/Ref").asText()).isEqualTo("MemorySize");
        assertThat(template.parameters().at("/MemorySize/Default").asInt()).isEqualTo(TemplateFunction.MEMORY_SIZE_MB);
    }

    @Test
    void localHandlersAreTheFunctionsHandlers() {
        for (TemplateFunction function : TemplateFunction.values()) {
            assertThat(function.handler()).as(function.logicalId())
                    .isEqualTo(template.properties(function.logicalId()).path("Handler").asText());
        }
    }
}
