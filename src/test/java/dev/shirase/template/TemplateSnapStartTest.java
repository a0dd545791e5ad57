package dev.shirase.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SnapStart is on by default and can be turned off (for a region that does not offer it) with the SnapStart parameter;
 * either way every deploy publishes a version behind the alias the event sources target.
 */
class TemplateSnapStartTest {
    @Test
    void snapStartFollowsItsParameterWhichDefaultsToPublishedVersions() {
        JsonNode parameter = SamTemplate.load().parameters().path("SnapStart");
        List<String> allowed = new ArrayList<>();
        parameter.path("AllowedValues").forEach(v -> allowed.add(v.asText()));

        assertThat(parameter.path("Default").asText()).isEqualTo("PublishedVersions");
        assertThat(allowed).containsExactly("PublishedVersions", "None");
        assertThat(SamTemplate.loadLongForm().functionGlobals().at("/SnapStart/ApplyOn/Ref").asText()).isEqualTo("SnapStart");
    }

    @Test
    void turnedOffTheFunctionsStillPublishAVersionBehindTheAlias() {
        JsonNode globals = SamTemplate.deployed(Map.of("SnapStart", "None")).functionGlobals();

        assertThat(globals.at("/SnapStart/ApplyOn").asText()).isEqualTo("None");
        assertThat(globals.path("AutoPublishAlias").asText()).isEqualTo("live");
    }
}
