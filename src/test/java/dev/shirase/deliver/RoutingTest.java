package dev.shirase.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shirase.classify.Classifier;
import dev.shirase.notice.Category;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Obligation;
import dev.shirase.render.Outgoing;
import dev.shirase.source.EventReader;
import dev.shirase.testing.Events;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Filters and per-channel minimums, from the environment, on notices read from real-shaped events. */
class RoutingTest {
    private static final Channel SNS = new Named(SnsChannel.NAME);
    private static final Channel SES = new Named(SesChannel.NAME);
    private static final Channel CONSOLE = new Named("console");
    private static final List<Channel> BOTH = List.of(SNS, SES);

    /** A channel that is only routed, never sent to. */
    private record Named(String name) implements Channel {
        @Override
        public Delivery prepare(Outgoing message) {
            throw new AssertionError("routing never prepares a message");
        }
    }

    private static Notice notice(byte[] event) {
        return new Classifier().classify(new EventReader().read(event));
    }

    private static Notice sample(String file) {
        return notice(Events.sample(file));
    }

    private static Routing routing(Map<String, String> env) {
        return Routing.fromEnvironment(env);
    }

    /** Every filter there is, set so that it would leave out almost anything. */
    private static final Map<String, String> EVERY_FILTER = Map.of(
            Routing.INCLUDE_SERVICES, "LAMBDA",
            Routing.EXCLUDE_EVENT_CODES, "AWS_EC2_INSTANCE_REBOOT_MAINTENANCE_SCHEDULED",
            Routing.EXCLUDE_RDS_EVENT_IDS, "RDS-EVENT-0155",
            Routing.EXCLUDE_CATEGORIES, "SECURITY_PATCH,OS_UPDATE,SYSTEM_REBOOT,ENGINE_UPGRADE,END_OF_SUPPORT,"
                    + "HARDWARE_RETIREMENT,INFORMATION",
            Routing.SNS_MIN_OBLIGATION, "REQUIRED",
            Routing.MAIL_MIN_OBLIGATION, "REQUIRED");

    @Test
    void withNothingConfiguredEveryNoticeGoesEverywhere() {
        for (Routing routing : List.of(Routing.EVERYTHING, routing(Map.of()))) {
            for (var file : Events.notifierSamples()) {
                Notice notice = sample(file.getFileName().toString());

                assertThat(routing.exclusion(notice)).as("%s", file).isEmpty();
                assertThat(routing.channelsFor(notice, List.of(SNS, SES, CONSOLE))).as("%s", file)
                        .containsExactly(SNS, SES, CONSOLE);
            }
        }
    }

    @Test
    void onlyTheIncludedServicesAreHeardOf() {
        Routing ec2Only = routing(Map.of(Routing.INCLUDE_SERVICES, "EC2"));

        assertThat(ec2Only.exclusion(sample("health-ec2-instance-reboot.json"))).isEmpty();
        assertThat(ec2Only.exclusion(sample("health-rds-oracle-os-update.json")))
                .hasValue("service RDS is not in SHIRASE_INCLUDE_SERVICES");
        // RDS's own events are of the RDS service too.
        assertThat(ec2Only.exclusion(sample("rds-event-0230-system-update-available.json")))
                .hasValue("service RDS is not in SHIRASE_INCLUDE_SERVICES");
        assertThat(routing(Map.of(Routing.INCLUDE_SERVICES, "EC2, RDS"))
                .exclusion(sample("rds-event-0230-system-update-available.json"))).isEmpty();
    }

    @Test
    void anExcludedHealthEventTypeCodeIsLeftOutAndNoOther() {
        Routing routing = routing(Map.of(Routing.EXCLUDE_EVENT_CODES,
                "AWS_EC2_OPERATIONAL_NOTIFICATION,AWS_EC2_INSTANCE_REBOOT_MAINTENANCE_SCHEDULED"));

        assertThat(routing.exclusion(sample("health-ec2-instance-reboot.json"))).hasValue(
                "event type code AWS_EC2_INSTANCE_REBOOT_MAINTENANCE_SCHEDULED is in SHIRASE_EXCLUDE_EVENT_CODES");
        assertThat(routing.exclusion(sample("health-ec2-system-reboot.json"))).isEmpty();
    }

    @Test
    void anExcludedRdsEventIdIsLeftOutButAnOldEventWithoutAnIdIsKept() {
        Routing routing = routing(Map.of(Routing.EXCLUDE_RDS_EVENT_IDS, "RDS-EVENT-0155,RDS-EVENT-0026"));

        assertThat(routing.exclusion(sample("rds-event-0155-minor-version-available.json")))
                .hasValue("RDS event RDS-EVENT-0155 is in SHIRASE_EXCLUDE_RDS_EVENT_IDS");
        assertThat(routing.exclusion(sample("rds-event-0230-system-update-available.json"))).isEmpty();
        var withoutId = Events.rds("RDS-EVENT-0026", "Applying off-line patches to DB instance", "maintenance");
        withoutId.withObject("/detail").remove("EventID");
        Notice old = notice(Events.bytes(withoutId));
        assertThat(old.announcement().code()).isNull();
        assertThat(routing.exclusion(old)).isEmpty();
    }

    @Test
    void anExcludedCategoryIsLeftOut() {
        Routing routing = routing(Map.of(Routing.EXCLUDE_CATEGORIES, "INFORMATION,ENGINE_UPGRADE"));

        assertThat(routing.exclusion(sample("health-unknown-code.json")))
                .hasValue("category INFORMATION is in SHIRASE_EXCLUDE_CATEGORIES");
        assertThat(routing.exclusion(sample("rds-event-0155-minor-version-available.json")))
                .hasValue("category ENGINE_UPGRADE is in SHIRASE_EXCLUDE_CATEGORIES");
        assertThat(routing.exclusion(sample("health-ec2-instance-reboot.json"))).isEmpty();
    }

    @Test
    void eachChannelTakesOnlyNoticesAsBindingAsItsMinimum() {
        Routing routing = routing(Map.of(Routing.MAIL_MIN_OBLIGATION, "REQUIRED"));
        Notice optional = sample("rds-event-0230-system-update-available.json");
        Notice required = sample("health-ec2-instance-reboot.json");
        Notice information = sample("health-unknown-code.json");
        assertThat(List.of(optional.obligation(), required.obligation(), information.obligation()))
                .containsExactly(Obligation.OPTIONAL, Obligation.REQUIRED, Obligation.INFORMATION);

        assertThat(routing.channelsFor(optional, BOTH)).containsExactly(SNS);
        assertThat(routing.channelsFor(required, BOTH)).containsExactly(SNS, SES);
        assertThat(routing.route(optional, BOTH)).satisfies(route -> {
            assertThat(route.channels()).containsExactly(SNS);
            assertThat(route.withheld()).containsExactly("ses");
            assertThat(route.filtered()).isNull();
        });
        Routing optionalOnSns = routing(Map.of(Routing.SNS_MIN_OBLIGATION, "OPTIONAL"));
        assertThat(optionalOnSns.channelsFor(optional, BOTH)).containsExactly(SNS, SES);
        assertThat(optionalOnSns.channelsFor(information, BOTH)).containsExactly(SES);
    }

    @Test
    void aNoticeBelowEveryChannelsMinimumIsFilteredWithWhy() {
        Routing routing = routing(Map.of(Routing.SNS_MIN_OBLIGATION, "REQUIRED",
                Routing.MAIL_MIN_OBLIGATION, "OPTIONAL"));

        Routing.Route route = routing.route(sample("health-unknown-code.json"), BOTH);

        assertThat(route.channels()).isEmpty();
        assertThat(route.filtered())
                .isEqualTo("obligation INFORMATION is below the minimum of every channel (sns REQUIRED, ses OPTIONAL)");
    }

    @Test
    void anAccountsExtraTopicTakesWhatTheSnsTopicTakes() {
        Channel team = new Named(AccountChannels.nameOf("arn:aws:sns:ap-northeast-1:111122223333:team-a"));
        Routing routing = routing(Map.of(Routing.SNS_MIN_OBLIGATION, "REQUIRED"));

        assertThat(routing.channelsFor(sample("rds-event-0230-system-update-available.json"), List.of(SNS, team, SES)))
                .containsExactly(SES);
        assertThat(routing.channelsFor(sample("health-ec2-instance-reboot.json"), List.of(SNS, team, SES)))
                .containsExactly(SNS, team, SES);
    }

    @Test
    void theConsoleHasNoMinimum() {
        Routing routing = routing(Map.of(Routing.SNS_MIN_OBLIGATION, "REQUIRED"));

        assertThat(routing.route(sample("health-unknown-code.json"), List.of(CONSOLE)).channels())
                .containsExactly(CONSOLE);
    }

    @Test
    void anExcludedNoticeGoesNowhereWithWhy() {
        Routing.Route route = routing(Map.of(Routing.EXCLUDE_CATEGORIES, "SYSTEM_REBOOT"))
                .route(sample("health-ec2-instance-reboot.json"), BOTH);

        assertThat(route.channels()).isEmpty();
        assertThat(route.filtered()).isEqualTo("category SYSTEM_REBOOT is in SHIRASE_EXCLUDE_CATEGORIES");
    }

    @Test
    void aNoticeThatCouldNotBeReadIsNeverLeftOutAndGoesEverywhere() {
        Routing routing = routing(EVERY_FILTER);
        Notice unreadable = notice("{\"source\": \"aws.health\", broken".getBytes(StandardCharsets.UTF_8));
        assertThat(unreadable.announcement().readError()).isNotNull();

        assertThat(routing.exclusion(unreadable)).isEmpty();
        assertThat(routing.route(unreadable, BOTH).channels()).containsExactly(SNS, SES);
        assertThat(routing.route(null, BOTH).channels()).as("not even a fallback notice").containsExactly(SNS, SES);
    }

    @Test
    void anUnclassifiedNoticeIsNeverLeftOutAndGoesEverywhere() {
        Notice read = sample("health-unknown-code.json");
        Notice unclassified = new Notice(read.announcement(), Category.UNCLASSIFIED, Obligation.INFORMATION,
                read.stage(), read.deadline(), read.title(), read.rule(), read.databases());
        assertThat(unclassified.announcement().readError()).isNull();

        Routing.Route route = routing(EVERY_FILTER).route(unclassified, BOTH);

        assertThat(route.filtered()).isNull();
        assertThat(route.channels()).containsExactly(SNS, SES);
    }

    @Test
    void everyFilterLeavesOutWhatItNames() {
        // The fixture above is only a proof for the unreadable notices if it leaves out every readable one.
        Routing routing = routing(EVERY_FILTER);
        for (var file : Events.notifierSamples()) {
            assertThat(routing.route(sample(file.getFileName().toString()), BOTH).filtered()).as("%s", file)
                    .isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "SHIRASE_INCLUDE_SERVICES      | EC2,rds                     | \"rds\" is not an AWS Health service name",
        "SHIRASE_EXCLUDE_EVENT_CODES   | EC2_OPERATIONAL_NOTIFICATION | is not an AWS Health event type code",
        "SHIRASE_EXCLUDE_RDS_EVENT_IDS | RDS-EVENT-155               | is not an RDS event ID, such as RDS-EVENT-0155",
        "SHIRASE_EXCLUDE_CATEGORIES    | REBOOT                      | allowed: SECURITY_PATCH, OS_UPDATE, SYSTEM_",
        "SHIRASE_EXCLUDE_CATEGORIES    | UNCLASSIFIED                | UNCLASSIFIED cannot be excluded",
        "SHIRASE_SNS_MIN_OBLIGATION    | required                    | allowed: REQUIRED, OPTIONAL, INFORMATION",
        "SHIRASE_MAIL_MIN_OBLIGATION   | MANDATORY                   | allowed: REQUIRED, OPTIONAL, INFORMATION",
        "SHIRASE_MAIL_MIN_OBLIGATION   | REQUIRED,OPTIONAL           | one value expected",
    })
    void anInvalidValueFailsNamingTheVariableAndWhatItAllows(String variable, String value, String message) {
        assertThatThrownBy(() -> Routing.fromEnvironment(Map.of(variable, value)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(variable + ": ")
                .hasMessageContaining(message);
    }
}
