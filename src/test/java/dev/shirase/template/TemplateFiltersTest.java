package dev.shirase.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shirase.classify.Classifier;
import dev.shirase.deliver.Channel;
import dev.shirase.deliver.Routing;
import dev.shirase.deliver.SesChannel;
import dev.shirase.deliver.SnsChannel;
import dev.shirase.notice.Notice;
import dev.shirase.render.Outgoing;
import dev.shirase.source.EventReader;
import dev.shirase.testing.Events;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The filter parameters of template.yaml reach the code: each sets its variable on NotifyFunction, the code reads what
 * the template sets, and the template and the code accept and refuse the same values. (That they reach the event
 * patterns is TemplateRulesTest's.)
 */
class TemplateFiltersTest {
    /** Each filter parameter, and the variable the code reads it from. */
    private static final Map<String, String> VARIABLE_BY_PARAMETER = variables();

    private static Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("IncludeServices", Routing.INCLUDE_SERVICES);
        variables.put("ExcludeEventTypeCodes", Routing.EXCLUDE_EVENT_CODES);
        variables.put("ExcludeRdsEventIds", Routing.EXCLUDE_RDS_EVENT_IDS);
        variables.put("ExcludeCategories", Routing.EXCLUDE_CATEGORIES);
        variables.put("SnsMinimumObligation", Routing.SNS_MIN_OBLIGATION);
        variables.put("MailMinimumObligation", Routing.MAIL_MIN_OBLIGATION);
        return variables;
    }

    private record Named(String name) implements Channel {
        @Override
        public Delivery prepare(Outgoing message) {
            throw new AssertionError("not sent");
        }
    }

    private static Map<String, String> environment(Map<String, String> parameters) {
        JsonNode variables = SamTemplate.deployed(parameters).properties("NotifyFunction")
                .at("/Environment/Variables");
        Map<String, String> env = new LinkedHashMap<>();
        variables.properties().forEach(v -> env.put(v.getKey(), v.getValue().asText()));
        return env;
    }

    private static Notice sample(String file) {
        return new Classifier().classify(new EventReader().read(Events.sample(file)));
    }

    @Test
    void everyFilterParameterIsInTheFiltersGroup() {
        JsonNode groups = SamTemplate.load().metadata().at("/AWS::CloudFormation::Interface/ParameterGroups");
        List<String> filters = new ArrayList<>();
        groups.forEach(g -> {
            if (g.at("/Label/default").asText().equals("Filters")) {
                g.path("Parameters").forEach(p -> filters.add(p.asText()));
            }
        });

        assertThat(filters).containsExactlyElementsOf(VARIABLE_BY_PARAMETER.keySet());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "IncludeServices       | EC2,RDS",
        "ExcludeEventTypeCodes | AWS_EC2_OPERATIONAL_NOTIFICATION,AWS_RDS_OPERATIONAL_NOTIFICATION",
        "ExcludeRdsEventIds    | RDS-EVENT-0155",
        "ExcludeCategories     | INFORMATION,ENGINE_UPGRADE",
        "SnsMinimumObligation  | OPTIONAL",
        "MailMinimumObligation | REQUIRED",
    })
    void eachParameterSetsItsVariableOnNotifyFunction(String parameter, String value) {
        Map<String, String> env = environment(Map.of(parameter, value));

        assertThat(env).containsEntry(VARIABLE_BY_PARAMETER.get(parameter), value);
        Routing.fromEnvironment(env);
    }

    @Test
    void byDefaultNothingIsFilteredAndTheListsAreUnset() {
        Map<String, String> env = environment(Map.of());

        assertThat(env).doesNotContainKeys(Routing.INCLUDE_SERVICES, Routing.EXCLUDE_EVENT_CODES,
                Routing.EXCLUDE_RDS_EVENT_IDS, Routing.EXCLUDE_CATEGORIES);
        assertThat(env).containsEntry(Routing.SNS_MIN_OBLIGATION, "INFORMATION")
                .containsEntry(Routing.MAIL_MIN_OBLIGATION, "INFORMATION");
        Routing routing = Routing.fromEnvironment(env);
        List<Channel> both = List.of(new Named(SnsChannel.NAME), new Named(SesChannel.NAME));
        for (var file : Events.notifierSamples()) {
            Routing.Route route = routing.route(sample(file.getFileName().toString()), both);
            assertThat(route.filtered()).as("%s", file).isNull();
            assertThat(route.channels()).as("%s", file).hasSize(2);
        }
    }

    @Test
    void theCodeActsOnWhatTheTemplateSets() {
        Routing routing = Routing.fromEnvironment(environment(Map.of("ExcludeCategories", "INFORMATION",
                "MailMinimumObligation", "REQUIRED")));
        List<Channel> both = List.of(new Named(SnsChannel.NAME), new Named(SesChannel.NAME));

        assertThat(routing.exclusion(sample("health-unknown-code.json"))).isPresent();
        assertThat(routing.channelsFor(sample("rds-event-0230-system-update-available.json"), both))
                .extracting(Channel::name).containsExactly("sns");
    }

    @ParameterizedTest(name = "IncludeServices=\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''              | ENABLED",
        "RDS             | ENABLED",
        "EC2,RDS         | ENABLED",
        "RDS,EC2         | ENABLED",
        "EC2,RDS,LAMBDA  | ENABLED",
        "EC2             | DISABLED",
        "RDSDATA,EC2     | DISABLED",
        "EC2,XRDS        | DISABLED",
        "DOCDB           | DISABLED",
    })
    void theRdsRuleRunsOnlyWhenRdsIsIncluded(String services, String state) {
        JsonNode rule = SamTemplate.deployed(Map.of("IncludeServices", services))
                .events("NotifyFunction", "EventBridgeRule").get("RdsEvents");

        assertThat(rule.path("State").asText()).isEqualTo(state);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "IncludeServices       | ec2",
        "IncludeServices       | EC2, RDS",
        "ExcludeEventTypeCodes | EC2_OPERATIONAL_NOTIFICATION",
        "ExcludeRdsEventIds    | RDS-EVENT-155",
        "ExcludeRdsEventIds    | rds-event-0155",
        "ExcludeCategories     | UNCLASSIFIED",
        "ExcludeCategories     | REBOOT",
        "SnsMinimumObligation  | ALL",
        "MailMinimumObligation | required",
    })
    void aValueTheTemplateRefusesTheCodeRefusesToo(String parameter, String value) {
        assertThatThrownBy(() -> SamTemplate.deployed(Map.of(parameter, value)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(parameter);
        String variable = VARIABLE_BY_PARAMETER.get(parameter);
        // " EC2, RDS" has spaces the template refuses; the code strips them, which is harmless for a local run.
        if (!value.contains(" ")) {
            assertThatThrownBy(() -> Routing.fromEnvironment(Map.of(variable, value)))
                    .isInstanceOf(IllegalStateException.class).hasMessageStartingWith(variable);
        }
    }
}
