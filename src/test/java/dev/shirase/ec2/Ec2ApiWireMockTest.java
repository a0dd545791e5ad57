package dev.shirase.ec2;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.shirase.testing.Ec2QueryStub.askedIds;
import static dev.shirase.testing.Ec2QueryStub.asking;
import static dev.shirase.testing.Ec2QueryStub.describeStatus;
import static dev.shirase.testing.Ec2QueryStub.form;
import static dev.shirase.testing.Ec2QueryStub.malformed;
import static dev.shirase.testing.Ec2QueryStub.notFound;
import static dev.shirase.testing.Ec2QueryStub.page;
import static dev.shirase.testing.Ec2QueryStub.throttling;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.shirase.aws.AwsClients;
import dev.shirase.budget.Budget;
import dev.shirase.testing.Ec2QueryStub;
import dev.shirase.testing.Ec2QueryStub.Instance;
import dev.shirase.testing.SilentServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** {@link Ec2Api} against WireMock answering DescribeInstanceStatus like the real EC2 Query API. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Ec2ApiWireMockTest {
    private static final String REGION = "ap-northeast-1";
    private static final String WEB = "i-0a1b2c3d4e5f60718";
    private static final String BATCH = "i-0f1e2d3c4b5a69788";
    private static final String GONE = "i-0123456789abcdef0";
    private static final String OTHER_GONE = "i-0fedcba9876543210";

    private static final ScheduledEvent SYSTEM_REBOOT = new ScheduledEvent("system-reboot",
            "The instance is scheduled for a reboot", Instant.parse("2026-12-14T20:00:00Z"),
            Instant.parse("2026-12-14T22:00:00Z"), Instant.parse("2027-01-05T11:00:00Z"),
            "instance-event-0d59937288b749b32");
    private static final ScheduledEvent RETIREMENT = new ScheduledEvent("instance-stop",
            "The instance is running on degraded hardware", Instant.parse("2026-12-20T00:00:00Z"), null, null,
            "instance-event-0e439355b779f2611");

    private static Ec2QueryStub ec2;
    private Ec2Api api;

    @BeforeAll
    static void startStub() {
        ec2 = Ec2QueryStub.start();
    }

    @AfterAll
    static void stopStub() {
        ec2.close();
    }

    @BeforeEach
    void freshClient() {
        ec2.reset();
        api = api(ec2.endpoint());
    }

    /** A client of its own for each test, so the adaptive retries of one test do not slow down the next. */
    private static Ec2Api api(String endpoint) {
        return new Ec2Api(new AwsClients(Map.of("AWS_REGION", REGION, "AWS_ACCESS_KEY_ID", "testing",
                "AWS_SECRET_ACCESS_KEY", "testing", "AWS_ENDPOINT_URL_EC2", endpoint)));
    }

    private static Budget budget() {
        return Budget.of(Duration.ofSeconds(30));
    }

    @Test
    void readsEachInstancesStateAndEveryFieldOfItsEvents() {
        ec2.server().stubFor(describeStatus().willReturn(page(null,
                Instance.of(WEB, "running", SYSTEM_REBOOT),
                Instance.of(BATCH, "stopped", RETIREMENT))));

        Map<String, InstanceState> found = api.scheduledEvents(REGION, List.of(WEB, BATCH), budget());

        assertThat(found).containsExactly(
                Map.entry(WEB, InstanceState.listed("running", List.of(SYSTEM_REBOOT))),
                Map.entry(BATCH, InstanceState.listed("stopped", List.of(RETIREMENT))));
        assertThat(found.get(WEB).events().getFirst().notBeforeDeadline()).isEqualTo("2027-01-05T11:00:00Z");
        assertThat(found.get(WEB).hasPendingEvent()).isTrue();
        assertThat(found.get(BATCH).hasPendingEvent()).isTrue();
        // One call, asking for both, stopped instances included; no MaxResults, which EC2 refuses beside ids.
        assertThat(ec2.statusRequests()).singleElement().satisfies(r -> {
            assertThat(form(r)).containsEntry("Action", "DescribeInstanceStatus")
                    .containsEntry("IncludeAllInstances", "true")
                    .doesNotContainKeys("MaxResults", "NextToken");
            assertThat(askedIds(r)).containsExactly(WEB, BATCH);
        });
    }

    @Test
    void completedAndCanceledEventsAreNotPending() {
        ScheduledEvent completed = new ScheduledEvent("system-reboot", "[Completed] The instance is scheduled for a reboot",
                Instant.parse("2026-11-01T20:00:00Z"), Instant.parse("2026-11-01T22:00:00Z"), null, "instance-event-1");
        ScheduledEvent canceled = new ScheduledEvent("instance-reboot", "[Canceled] scheduled reboot",
                Instant.parse("2026-11-02T20:00:00Z"), null, null, "instance-event-2");
        ec2.server().stubFor(describeStatus().willReturn(page(null,
                Instance.of(WEB, "running", completed),
                Instance.of(BATCH, "running", canceled, RETIREMENT))));

        Map<String, InstanceState> found = api.scheduledEvents(REGION, List.of(WEB, BATCH), budget());

        assertThat(found.get(WEB).events()).containsExactly(completed);
        assertThat(found.get(WEB).hasPendingEvent()).isFalse();
        assertThat(found.get(WEB).nothingPending()).isTrue();
        assertThat(found.get(BATCH).pendingEvents()).containsExactly(RETIREMENT);
        assertThat(found.get(BATCH).nothingPending()).isFalse();
    }

    @Test
    void anUnknownIdIsNotFoundAndTheOthersAreAskedAgainWithoutIt() {
        ec2.server().stubFor(asking(describeStatus(), GONE).atPriority(1).willReturn(notFound(GONE)));
        ec2.server().stubFor(describeStatus().willReturn(page(null,
                Instance.of(WEB, "running", SYSTEM_REBOOT), Instance.of(BATCH, "stopped"))));

        Map<String, InstanceState> found = api.scheduledEvents(REGION, List.of(WEB, GONE, BATCH), budget());

        assertThat(found).containsExactly(
                Map.entry(WEB, InstanceState.listed("running", List.of(SYSTEM_REBOOT))),
                Map.entry(GONE, InstanceState.notFound()),
                Map.entry(BATCH, InstanceState.listed("stopped", List.of())));
        assertThat(ec2.statusRequests()).extracting(Ec2QueryStub::askedIds)
                .containsExactly(List.of(WEB, GONE, BATCH), List.of(WEB, BATCH));
    }

    @Test
    void severalUnknownIdsNamedInOneErrorAreAllSetAside() {
        ec2.server().stubFor(asking(describeStatus(), GONE).atPriority(1).willReturn(notFound(GONE, OTHER_GONE)));
        ec2.server().stubFor(describeStatus().willReturn(page(null, Instance.of(WEB, "running"))));

        Map<String, InstanceState> found = api.scheduledEvents(REGION, List.of(GONE, WEB, OTHER_GONE), budget());

        assertThat(found).containsExactly(
                Map.entry(GONE, InstanceState.notFound()),
                Map.entry(WEB, InstanceState.listed("running", List.of())),
                Map.entry(OTHER_GONE, InstanceState.notFound()));
        assertThat(ec2.statusRequests()).extracting(Ec2QueryStub::askedIds)
                .containsExactly(List.of(GONE, WEB, OTHER_GONE), List.of(WEB));
    }

    @Test
    void everyIdUnknownIsAnsweredWithoutAFurtherCall() {
        ec2.server().stubFor(describeStatus().willReturn(notFound(GONE, OTHER_GONE)));

        Map<String, InstanceState> found = api.scheduledEvents(REGION, List.of(GONE, OTHER_GONE), budget());

        assertThat(found.values()).containsOnly(InstanceState.notFound());
        assertThat(ec2.statusRequests()).hasSize(1);
    }

    @Test
    void anIdEc2CallsMalformedIsUnknownNotGone() {
        String odd = "i-1a2b3c4d";
        ec2.server().stubFor(asking(describeStatus(), odd).atPriority(1).willReturn(malformed(odd)));
        ec2.server().stubFor(describeStatus().willReturn(page(null, Instance.of(WEB, "running"))));

        Map<String, InstanceState> found = api.scheduledEvents(REGION, List.of(odd, WEB), budget());

        assertThat(found).containsExactly(
                Map.entry(odd, InstanceState.unknown()),
                Map.entry(WEB, InstanceState.listed("running", List.of())));
        assertThat(found.get(odd).nothingPending()).isFalse();
        assertThat(ec2.statusRequests()).extracting(Ec2QueryStub::askedIds)
                .containsExactly(List.of(odd, WEB), List.of(WEB));
    }

    @Test
    void anErrorThatNamesNoIdIsNarrowedDownByHalvingTheIds() {
        String third = "i-0c0c0c0c0c0c0c0c0";
        ec2.server().stubFor(asking(describeStatus(), GONE).atPriority(1)
                .willReturn(Ec2QueryStub.error(400, "InvalidInstanceID.NotFound", "An instance ID does not exist")));
        ec2.server().stubFor(describeStatus().willReturn(page(null,
                Instance.of(WEB, "running"), Instance.of(BATCH, "running"), Instance.of(third, "stopped"))));

        Map<String, InstanceState> found = api.scheduledEvents(REGION, List.of(WEB, BATCH, GONE, third), budget());

        assertThat(found).containsExactly(
                Map.entry(WEB, InstanceState.listed("running", List.of())),
                Map.entry(BATCH, InstanceState.listed("running", List.of())),
                Map.entry(GONE, InstanceState.notFound()),
                Map.entry(third, InstanceState.listed("stopped", List.of())));
        assertThat(ec2.statusRequests()).extracting(Ec2QueryStub::askedIds).containsExactly(
                List.of(WEB, BATCH, GONE, third), List.of(WEB, BATCH), List.of(GONE, third), List.of(GONE),
                List.of(third));
    }

    @Test
    void followsTheNextTokenToEveryPageAskingForTheSameIds() {
        ec2.server().stubFor(describeStatus().withFormParam("NextToken", equalTo("page-2")).atPriority(1)
                .willReturn(page(null, Instance.of(BATCH, "stopped", RETIREMENT))));
        ec2.server().stubFor(describeStatus().willReturn(page("page-2", Instance.of(WEB, "running", SYSTEM_REBOOT))));

        Map<String, InstanceState> found = api.scheduledEvents(REGION, List.of(WEB, BATCH), budget());

        assertThat(found).containsExactly(
                Map.entry(WEB, InstanceState.listed("running", List.of(SYSTEM_REBOOT))),
                Map.entry(BATCH, InstanceState.listed("stopped", List.of(RETIREMENT))));
        List<LoggedRequest> requests = ec2.statusRequests();
        assertThat(requests).hasSize(2);
        assertThat(form(requests.get(0))).doesNotContainKey("NextToken");
        assertThat(form(requests.get(1))).containsEntry("NextToken", "page-2").containsEntry("IncludeAllInstances", "true");
        assertThat(askedIds(requests.get(1))).containsExactly(WEB, BATCH);
    }

    @Test
    void asksAtMostOneHundredIdsACall() {
        List<String> ids = IntStream.range(0, 250).mapToObj(n -> String.format("i-%017x", n)).toList();
        ec2.server().stubFor(describeStatus().willReturn(page(null, Instance.of(ids.get(120), "running"))));

        Map<String, InstanceState> found = api.scheduledEvents(REGION, ids, budget());

        assertThat(found.keySet()).containsExactlyElementsOf(ids);
        assertThat(found.get(ids.get(120))).isEqualTo(InstanceState.listed("running", List.of()));
        // EC2 listed no other: with IncludeAllInstances that is not a sign of an instance gone, so nothing is known.
        assertThat(found.entrySet()).filteredOn(e -> !e.getKey().equals(ids.get(120)))
                .allSatisfy(e -> assertThat(e.getValue()).isEqualTo(InstanceState.unknown()));
        List<List<String>> asked = ec2.statusRequests().stream().map(Ec2QueryStub::askedIds).toList();
        assertThat(asked).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(asked.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(ids);
    }

    @Test
    void idsThatAreNotInstanceIdsAreUnknownWithoutAskingAndDuplicatesAreAskedOnce() {
        ec2.server().stubFor(describeStatus().willReturn(page(null, Instance.of(WEB, "running"))));
        String arn = "arn:aws:ec2:ap-northeast-1:123456789012:instance/" + BATCH;

        Map<String, InstanceState> found = api.scheduledEvents(REGION,
                List.of("vol-0abc1234def567890", WEB, arn, "i-123", WEB), budget());

        assertThat(found).containsExactly(
                Map.entry("vol-0abc1234def567890", InstanceState.unknown()),
                Map.entry(WEB, InstanceState.listed("running", List.of())),
                Map.entry(arn, InstanceState.unknown()),
                Map.entry("i-123", InstanceState.unknown()));
        assertThat(ec2.statusRequests()).singleElement().satisfies(r -> assertThat(askedIds(r)).containsExactly(WEB));
    }

    @Test
    void noIdsAsksNothing() {
        assertThat(api.scheduledEvents(REGION, List.of(), budget())).isEmpty();
        assertThat(api.scheduledEvents(REGION, List.of("orders-db"), budget()))
                .containsExactly(Map.entry("orders-db", InstanceState.unknown()));

        assertThat(ec2.statusRequests()).isEmpty();
    }

    @Test
    void aThrottledCallIsRetriedAndTheAnswerIsComplete() {
        ec2.server().stubFor(describeStatus().inScenario("throttled").whenScenarioStateIs(STARTED)
                .willReturn(throttling()).willSetStateTo("recovered"));
        ec2.server().stubFor(describeStatus().inScenario("throttled").whenScenarioStateIs("recovered")
                .willReturn(page(null, Instance.of(WEB, "running", SYSTEM_REBOOT))));

        Map<String, InstanceState> found = api.scheduledEvents(REGION, List.of(WEB), budget());

        assertThat(found).containsExactly(Map.entry(WEB, InstanceState.listed("running", List.of(SYSTEM_REBOOT))));
        assertThat(ec2.statusRequests()).hasSize(2);
    }

    @Test
    void throttlingThatLastsIsOneExceptionNotAnAnswer() {
        ec2.server().stubFor(describeStatus().willReturn(throttling()));

        // Room for a retry, not for all six attempts (adaptive rate limiting spaces them about 2 to 3 s apart).
        assertThatThrownBy(() -> api.scheduledEvents(REGION, List.of(WEB, GONE), Budget.of(Duration.ofSeconds(4))))
                .isInstanceOfSatisfying(InstanceEventsException.class, e -> {
                    assertThat(e.region()).isEqualTo(REGION);
                    assertThat(e.getCause()).isInstanceOf(SdkException.class);
                    // The last throttling error when the retries ran out first, the budget's timeout when it ended first.
                    if (e.getCause() instanceof AwsServiceException throttled) {
                        assertThat(throttled.isThrottlingException()).isTrue();
                        assertThat(e).hasMessageContaining("RequestLimitExceeded: Request limit exceeded.");
                    }
                });
        assertThat(ec2.statusRequests()).hasSizeGreaterThan(1);
    }

    @Test
    void aDeniedCallIsOneExceptionAndIsNotRetried() {
        ec2.server().stubFor(describeStatus().willReturn(Ec2QueryStub.unauthorized()));

        assertThatThrownBy(() -> api.scheduledEvents(REGION, List.of(WEB), budget()))
                .isInstanceOfSatisfying(InstanceEventsException.class, e -> {
                    assertThat(e).hasMessageStartingWith("the scheduled events of EC2 instances in ap-northeast-1 "
                            + "could not be read: UnauthorizedOperation: You are not authorized to perform this operation.");
                    assertThat(e.getCause()).isInstanceOfSatisfying(AwsServiceException.class,
                            denied -> assertThat(denied.statusCode()).isEqualTo(403));
                });
        assertThat(ec2.statusRequests()).hasSize(1);
    }

    @Test
    void anErrorAfterSomeIdsWereAnsweredStillFailsTheWhole() {
        List<String> ids = new ArrayList<>(IntStream.range(0, 150).mapToObj(n -> String.format("i-%017x", n)).toList());
        // The second hundred is refused: the first hundred's answers must not come back as if they were all.
        ec2.server().stubFor(asking(describeStatus(), ids.get(120)).atPriority(1).willReturn(Ec2QueryStub.unauthorized()));
        ec2.server().stubFor(describeStatus().willReturn(page(null, Instance.of(ids.getFirst(), "running"))));

        assertThatThrownBy(() -> api.scheduledEvents(REGION, ids, budget())).isInstanceOf(InstanceEventsException.class);
        assertThat(ec2.statusRequests()).hasSize(2);
    }

    @Test
    void anEndpointThatNeverAnswersEndsWithTheBudget() {
        try (SilentServer silent = SilentServer.start()) {
            Ec2Api hanging = api(silent.endpoint());
            long started = System.nanoTime();

            assertThatThrownBy(() -> hanging.scheduledEvents(REGION, List.of(WEB), Budget.of(Duration.ofMillis(1500))))
                    .isInstanceOf(InstanceEventsException.class)
                    .hasCauseInstanceOf(SdkException.class);

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1400)).isLessThan(Duration.ofMillis(3500));
            assertThat(silent.connections()).isPositive();
        }
    }

    @Test
    void aSpentBudgetAsksNothing() {
        ec2.server().stubFor(describeStatus().willReturn(page(null, Instance.of(WEB, "running"))));

        assertThatThrownBy(() -> api.scheduledEvents(REGION, List.of(WEB), Budget.of(Duration.ZERO)))
                .isInstanceOf(InstanceEventsException.class)
                .hasCauseInstanceOf(AwsClients.BudgetSpentException.class);
        assertThat(ec2.statusRequests()).isEmpty();
    }
}
