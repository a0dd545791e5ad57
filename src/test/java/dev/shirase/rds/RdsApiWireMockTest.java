package dev.shirase.rds;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.shirase.testing.RdsQueryStub.call;
import static dev.shirase.testing.RdsQueryStub.describePending;
import static dev.shirase.testing.RdsQueryStub.describePendingRequested;
import static dev.shirase.testing.RdsQueryStub.inRegion;
import static dev.shirase.testing.RdsQueryStub.page;
import static dev.shirase.testing.RdsQueryStub.throttling;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.shirase.aws.AwsClients;
import dev.shirase.deliver.ConsoleChannel;
import dev.shirase.budget.Budget;
import dev.shirase.log.JsonLog;
import dev.shirase.log.Metrics;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.MaintenanceWindow;
import dev.shirase.notice.PendingAction;
import dev.shirase.pipeline.ScanPipeline;
import dev.shirase.scan.RegionGap;
import dev.shirase.scan.RegionGap.Cause;
import dev.shirase.scan.RegionGap.Missing;
import dev.shirase.scan.ScanSettings;
import dev.shirase.testing.MotoClients;
import dev.shirase.testing.MotoServer;
import dev.shirase.testing.RdsQueryStub;
import dev.shirase.testing.RdsQueryStub.Action;
import dev.shirase.testing.RdsQueryStub.Resource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * {@link RdsApi} against one loopback endpoint: WireMock answers DescribePendingMaintenanceActions like the real
 * Query API, and passes DescribeDBInstances / DescribeDBClusters through to moto, where the databases were created.
 * Needs moto_server.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RdsApiWireMockTest {
    private static Budget budget() {
        return Budget.of(Duration.ofSeconds(60));
    }

    /**
     * For calls that keep failing: the SDK's six attempts take about 12 s before the last error comes back (adaptive
     * rate limiting spaces them), and this budget ends them sooner, as a scan's region share would.
     */
    private static Budget shortBudget() {
        return Budget.of(Duration.ofSeconds(2));
    }
    private static final String REGION = MotoServer.REGION;
    private static final String ORDERS_ARN = "arn:aws:rds:ap-northeast-1:123456789012:db:orders-db";
    private static final String BILLING_ARN = "arn:aws:rds:ap-northeast-1:123456789012:cluster:billing-cluster";
    /** Listed by DescribePendingMaintenanceActions but unknown to the describe calls (deleted since, say). */
    private static final String LEGACY_ARN = "arn:aws:rds:ap-northeast-1:123456789012:db:legacy-db";

    private static final MaintenanceWindow ORDERS_WINDOW =
            new MaintenanceWindow(DayOfWeek.SATURDAY, LocalTime.of(18, 0), Duration.ofMinutes(30));
    private static final MaintenanceWindow BILLING_WINDOW =
            new MaintenanceWindow(DayOfWeek.SUNDAY, LocalTime.of(19, 0), Duration.ofMinutes(45));

    private static final Action OS_UPDATE = new Action("system-update", Instant.parse("2026-12-01T00:00:00Z"),
            Instant.parse("2027-01-15T00:00:00Z"), Instant.parse("2026-12-05T18:00:00Z"), "next-maintenance",
            "New Operating System update is available");
    private static final Action ENGINE_UPGRADE = new Action("db-upgrade", null, null, null, null,
            "Upgrade to Aurora PostgreSQL 15.8 & later <minor>");
    private static final Action CA_ROTATION = new Action("ca-certificate-rotation",
            Instant.parse("2027-02-01T00:00:00Z"), null, null, null, "Certificate rotation");
    private static final Action HARDWARE = new Action("hardware-maintenance", null,
            Instant.parse("2026-12-20T15:00:00Z"), null, null, "Hardware maintenance");

    private static final MotoServer MOTO = MotoServer.get();
    private static RdsQueryStub rds;
    private RdsApi api;

    @BeforeAll
    static void startStub() {
        rds = RdsQueryStub.start(MOTO);
    }

    @AfterAll
    static void stopStub() {
        rds.close();
    }

    @BeforeEach
    void databasesInMoto() {
        MOTO.reset();
        rds.reset();
        try (RdsClient direct = new MotoClients(MOTO).rds()) {
            String instanceArn = direct.createDBInstance(r -> r.dbInstanceIdentifier("orders-db").engine("postgres")
                    .engineVersion("16.3").dbInstanceClass("db.m5.large").multiAZ(true).allocatedStorage(20)
                    .masterUsername("shirase").masterUserPassword("not-a-secret-1")
                    .preferredMaintenanceWindow("sat:18:00-sat:18:30")).dbInstance().dbInstanceArn();
            String clusterArn = direct.createDBCluster(r -> r.dbClusterIdentifier("billing-cluster")
                    .engine("aurora-postgresql").engineVersion("15.4").masterUsername("shirase")
                    .masterUserPassword("not-a-secret-1").preferredMaintenanceWindow("sun:19:00-sun:19:45"))
                    .dbCluster().dbClusterArn();
            // The stubbed ResourceIdentifiers must be the ARNs moto gives, or nothing would join.
            assertThat(instanceArn).isEqualTo(ORDERS_ARN);
            assertThat(clusterArn).isEqualTo(BILLING_ARN);
        }
        api = new RdsApi(new AwsClients(env()));
    }

    /** moto for every service (AWS_ENDPOINT_URL), except RDS, which goes through WireMock. */
    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>(MOTO.awsEnvironment());
        env.put("AWS_ENDPOINT_URL_RDS", rds.endpoint());
        return env;
    }

    private static DatabaseState orders(PendingAction... actions) {
        return new DatabaseState("orders-db", ORDERS_ARN, false, "postgres", "16.3", true, ORDERS_WINDOW, List.of(actions));
    }

    private static DatabaseState billing(PendingAction... actions) {
        // moto reports a cluster with no instances in other zones as not Multi-AZ, as RDS does.
        return new DatabaseState("billing-cluster", BILLING_ARN, true, "aurora-postgresql", "15.4", false, BILLING_WINDOW,
                List.of(actions));
    }

    private static PendingAction expected(Action a) {
        return new PendingAction(a.action(), a.description(), a.autoAppliedAfter(), a.forcedApply(), a.currentApply(),
                a.optInStatus());
    }

    // ---- withPendingMaintenance ---------------------------------------------------------------------------------

    @Test
    void joinsPendingActionsWithTheInstancesAndClustersRdsDescribes() {
        rds.pendingActions(
                Resource.of(ORDERS_ARN, OS_UPDATE),
                Resource.of(BILLING_ARN, ENGINE_UPGRADE, CA_ROTATION),
                Resource.of(LEGACY_ARN, HARDWARE));

        RegionScan scan = api.withPendingMaintenance(REGION, budget());
        List<DatabaseState> found = scan.databases();

        assertThat(scan.detailsUnread()).isEmpty();
        assertThat(found).containsExactly(
                orders(expected(OS_UPDATE)),
                billing(expected(ENGINE_UPGRADE), expected(CA_ROTATION)),
                // Unknown to DescribeDBInstances/Clusters: kept, named from its ARN, with nothing else known.
                new DatabaseState("legacy-db", LEGACY_ARN, false, null, null, null, null, List.of(expected(HARDWARE))));
        // The dates arrive as the instants the XML states (not shifted to a zone, not truncated).
        assertThat(found.get(0).pendingActions().get(0).autoApplyAfter()).isEqualTo("2026-12-01T00:00:00Z");
        assertThat(found.get(0).pendingActions().get(0).currentApply()).isEqualTo("2026-12-05T18:00:00Z");
        // The instance and cluster facts came from moto, through the same endpoint.
        rds.server().verify(1, postRequestedFor(urlPathEqualTo("/")).withFormParam("Action", equalTo("DescribeDBInstances")));
        rds.server().verify(1, postRequestedFor(urlPathEqualTo("/")).withFormParam("Action", equalTo("DescribeDBClusters")));
    }

    @Test
    void withNothingPendingItReturnsNothingAndDescribesNothing() {
        rds.pendingActions();

        assertThat(api.withPendingMaintenance(REGION, budget())).isEqualTo(RegionScan.complete(List.of()));

        rds.server().verify(1, describePendingRequested());
        rds.server().verify(0, postRequestedFor(urlPathEqualTo("/")).withFormParam("Action", equalTo("DescribeDBInstances")));
    }

    @Test
    void followsTheMarkerToEveryPage() {
        // Priority: the page2 stub must win over the first-page stub, which matches any DescribePending call.
        rds.server().stubFor(describePending().withFormParam("Marker", equalTo("page2")).atPriority(1)
                .willReturn(page(null, Resource.of(BILLING_ARN, ENGINE_UPGRADE))));
        rds.server().stubFor(describePending().willReturn(page("page2", Resource.of(ORDERS_ARN, OS_UPDATE))));

        List<DatabaseState> found = api.withPendingMaintenance(REGION, budget()).databases();

        assertThat(found).containsExactly(orders(expected(OS_UPDATE)), billing(expected(ENGINE_UPGRADE)));
        List<LoggedRequest> requests = rds.pendingRequests();
        assertThat(requests).hasSize(2);
        rds.server().verify(1, describePendingRequested().withoutFormParam("Marker"));
        rds.server().verify(1, describePendingRequested().withFormParam("Marker", equalTo("page2")));
        assertThat(requests.get(1).getBodyAsString()).contains("Marker=page2");
    }

    @Test
    void aThrottledCallIsRetriedAndTheResultIsComplete() {
        rds.server().stubFor(describePending().inScenario("throttled").whenScenarioStateIs(STARTED)
                .willReturn(throttling()).willSetStateTo("recovered"));
        rds.server().stubFor(describePending().inScenario("throttled").whenScenarioStateIs("recovered")
                .willReturn(page(null, Resource.of(ORDERS_ARN, OS_UPDATE), Resource.of(BILLING_ARN, ENGINE_UPGRADE))));

        List<DatabaseState> found = api.withPendingMaintenance(REGION, budget()).databases();

        assertThat(found).containsExactly(orders(expected(OS_UPDATE)), billing(expected(ENGINE_UPGRADE)));
        rds.server().verify(2, describePendingRequested());
    }

    @Test
    void whenThrottlingPersistsTheErrorReachesTheCaller() {
        rds.server().stubFor(describePending().willReturn(throttling()));

        // Room for a retry, not for all six attempts: adaptive rate limiting spaces them about 2 to 3 s apart.
        Budget budget = Budget.of(Duration.ofSeconds(6));

        assertThatThrownBy(() -> api.withPendingMaintenance(REGION, budget))
                .isInstanceOf(SdkException.class)
                // The last throttling error when the retries ran out first, the budget's timeout when it ended first.
                .satisfiesAnyOf(
                        e -> assertThat(e).isInstanceOfSatisfying(AwsServiceException.class, throttled -> {
                            assertThat(throttled.awsErrorDetails().errorCode()).isEqualTo("Throttling");
                            assertThat(throttled.statusCode()).isEqualTo(400);
                            assertThat(throttled.isThrottlingException()).isTrue();
                            assertThat(throttled).hasMessageContaining("Rate exceeded");
                        }),
                        e -> assertThat(e).isInstanceOf(ApiCallTimeoutException.class));
        // The SDK retried before giving up.
        assertThat(rds.pendingRequests()).hasSizeGreaterThan(1);
    }

    @Test
    void aRegionThatStaysThrottledIsReportedAsNotScannedAndTheOthersStillCount() {
        String analyticsArn = "arn:aws:rds:us-east-1:123456789012:db:analytics-db";
        rds.server().stubFor(inRegion(describePending(), "ap-northeast-1").atPriority(1).willReturn(throttling()));
        rds.server().stubFor(inRegion(describePending(), "us-east-1")
                .willReturn(page(null, Resource.of(analyticsArn, new Action("system-update",
                        Instant.parse("2027-03-01T00:00:00Z"), null, null, null, "New Operating System update")))));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ScanPipeline pipeline = new ScanPipeline(api,
                List.of(new ConsoleChannel(new PrintStream(console, true, StandardCharsets.UTF_8))), JsonLog.silent(), new Metrics(JsonLog.silent(), "test"));
        // Tuesday in Japan, nothing a reminder day away: only the unscanned region makes the scan speak.
        ScanSettings settings = new ScanSettings(List.of("ap-northeast-1", "us-east-1"), new TreeSet<>(List.of(14, 7, 3, 1)),
                DayOfWeek.MONDAY);

        // A region's share of this budget ends its retries (see shortBudget).
        ScanPipeline.Report report = pipeline.run(Instant.parse("2026-12-01T00:00:00Z"), settings,
                Budget.of(Duration.ofSeconds(4)));

        assertThat(report.gaps()).extracting(RegionGap::where).containsExactly("ap-northeast-1");
        assertThat(report.notScanned().get(0).cause()).isIn(Cause.THROTTLED, Cause.TIME_RAN_OUT);
        assertThat(report.failed()).isFalse();
        assertThat(report.notices()).singleElement()
                .satisfies(n -> assertThat(n.announcement().resourceIds()).containsExactly("analytics-db"));
        assertThat(report.dispatch().delivered()).containsExactly("console");
        String sent = console.toString(StandardCharsets.UTF_8);
        assertThat(sent)
                .contains("件名: 【要確認】RDS 保留中のメンテナンスを確認できないリージョンがあります (1件)")
                .containsAnyOf(
                        "■ スキャンできなかったリージョン\n- ap-northeast-1 (東京): "
                                + "スロットリング (API 呼び出しの制限) が続きました。エラー内容 (原文): Rate exceeded\n",
                        "■ スキャンできなかったリージョン\n- ap-northeast-1 (東京): 制限時間内に読み終わりませんでした。\n")
                .doesNotContain("analytics-db");
        assertThat(report.digest()).isPresent();
    }

    @Test
    void whenDescribeDbInstancesKeepsThrottlingThePendingActionsAreKeptNamedFromTheirArns() {
        rds.pendingActions(Resource.of(ORDERS_ARN, OS_UPDATE), Resource.of(BILLING_ARN, ENGINE_UPGRADE));
        rds.server().stubFor(call("DescribeDBInstances").willReturn(throttling()));

        RegionScan scan = api.withPendingMaintenance(REGION, shortBudget());

        assertThat(scan.databases()).containsExactly(
                new DatabaseState("orders-db", ORDERS_ARN, false, null, null, null, null, List.of(expected(OS_UPDATE))),
                new DatabaseState("billing-cluster", BILLING_ARN, true, null, null, null, null,
                        List.of(expected(ENGINE_UPGRADE))));
        assertThat(scan.detailsUnread()).hasValueSatisfying(gap -> {
            assertThat(gap.missing()).isEqualTo(Missing.DATABASE_DETAILS);
            assertThat(gap.cause()).isIn(Cause.THROTTLED, Cause.TIME_RAN_OUT);
        });
        rds.server().verify(1, describePendingRequested());
    }

    @Test
    void whenOnlyDescribeDbClustersIsDeniedTheInstancesKeepTheirDetails() {
        rds.pendingActions(Resource.of(ORDERS_ARN, OS_UPDATE), Resource.of(BILLING_ARN, ENGINE_UPGRADE));
        rds.server().stubFor(call("DescribeDBClusters").willReturn(RdsQueryStub.error(403, "AccessDenied",
                "not authorized to perform: rds:DescribeDBClusters")));

        RegionScan scan = api.withPendingMaintenance(REGION, budget());

        assertThat(scan.databases()).containsExactly(
                orders(expected(OS_UPDATE)),
                new DatabaseState("billing-cluster", BILLING_ARN, true, null, null, null, null,
                        List.of(expected(ENGINE_UPGRADE))));
        assertThat(scan.detailsUnread()).contains(RegionGap.detailsUnread(Cause.ACCESS_DENIED,
                "not authorized to perform: rds:DescribeDBClusters"));
    }

    // ---- describe -----------------------------------------------------------------------------------------------

    /** Answers a filtered call with the resource, anything else with an empty list, so a wrong filter shows. */
    private void pendingOnlyWhenFiltered(String filter, String value, String arn, Action action) {
        rds.server().stubFor(describePending().atPriority(1)
                .withFormParam("Filters.Filter.1.Name", equalTo(filter))
                .withFormParam("Filters.Filter.1.Values.Value.1", equalTo(value))
                .willReturn(page(null, Resource.of(arn, action))));
        rds.pendingActions();
    }

    private static RequestPatternBuilder requested(String action) {
        return postRequestedFor(urlPathEqualTo("/")).withFormParam("Action", equalTo(action));
    }

    @Test
    void describesAnInstanceByIdentifierWithItsPendingActions() {
        pendingOnlyWhenFiltered("db-instance-id", ORDERS_ARN, ORDERS_ARN, OS_UPDATE);

        assertThat(api.describe(REGION, List.of("orders-db"), budget()))
                .containsExactly(Map.entry("orders-db", orders(expected(OS_UPDATE))));

        assertThat(rds.pendingRequests()).singleElement().satisfies(r -> assertThat(r.getBodyAsString())
                .contains("Action=DescribePendingMaintenanceActions")
                .contains("Filters.Filter.1.Name=db-instance-id")
                .contains("Filters.Filter.1.Values.Value.1=arn%3Aaws%3Ards%3Aap-northeast-1%3A123456789012%3Adb%3Aorders-db"));
    }

    @Test
    void describesAClusterByIdentifierWithItsPendingActions() {
        pendingOnlyWhenFiltered("db-cluster-id", BILLING_ARN, BILLING_ARN, ENGINE_UPGRADE);

        assertThat(api.describe(REGION, List.of("billing-cluster"), budget()))
                .containsExactly(Map.entry("billing-cluster", billing(expected(ENGINE_UPGRADE))));
    }

    @Test
    void aBareIdentifierIsLookedForAsBothKindsAndOnlyWhatRdsKnowsIsAskedForItsPendingActions() {
        rds.pendingActions();

        api.describe(REGION, List.of("orders-db"), budget());

        rds.server().verify(1, requested("DescribeDBInstances")
                .withFormParam("Filters.Filter.1.Name", equalTo("db-instance-id"))
                .withFormParam("Filters.Filter.1.Values.Value.1", equalTo("orders-db")));
        rds.server().verify(1, requested("DescribeDBClusters")
                .withFormParam("Filters.Filter.1.Name", equalTo("db-cluster-id"))
                .withFormParam("Filters.Filter.1.Values.Value.1", equalTo("orders-db")));
        rds.server().verify(1, describePendingRequested()
                .withFormParam("Filters.Filter.1.Name", equalTo("db-instance-id"))
                .withFormParam("Filters.Filter.1.Values.Value.1", equalTo(ORDERS_ARN)));
        rds.server().verify(1, describePendingRequested());
    }

    @Test
    void aClusterArnIsLookedForOnlyAsACluster() {
        pendingOnlyWhenFiltered("db-cluster-id", BILLING_ARN, BILLING_ARN, CA_ROTATION);

        assertThat(api.describe(REGION, List.of(BILLING_ARN), budget()))
                .containsExactly(Map.entry(BILLING_ARN, billing(expected(CA_ROTATION))));

        rds.server().verify(0, requested("DescribeDBInstances"));
        rds.server().verify(1, requested("DescribeDBClusters"));
        rds.server().verify(1, describePendingRequested());
    }

    @Test
    void manyDatabasesTakeOneCallOfEachKindAndComeInTheOrderNamed() {
        rds.pendingActions(Resource.of(ORDERS_ARN, OS_UPDATE), Resource.of(BILLING_ARN, ENGINE_UPGRADE),
                Resource.of(LEGACY_ARN, HARDWARE));

        Map<String, DatabaseState> found = api.describe(REGION, List.of(BILLING_ARN, "no-such-db", "ORDERS-DB", ORDERS_ARN),
                budget());

        // The stub answers every pending call with all three resources: only each database's own actions are kept.
        assertThat(found).containsExactly(Map.entry(BILLING_ARN, billing(expected(ENGINE_UPGRADE))),
                Map.entry("ORDERS-DB", orders(expected(OS_UPDATE))), Map.entry(ORDERS_ARN, orders(expected(OS_UPDATE))));
        rds.server().verify(1, requested("DescribeDBInstances")
                .withFormParam("Filters.Filter.1.Values.Value.1", equalTo("no-such-db"))
                .withFormParam("Filters.Filter.1.Values.Value.2", equalTo("ORDERS-DB"))
                .withFormParam("Filters.Filter.1.Values.Value.3", equalTo(ORDERS_ARN)));
        rds.server().verify(1, requested("DescribeDBClusters")
                .withFormParam("Filters.Filter.1.Values.Value.1", equalTo(BILLING_ARN))
                .withFormParam("Filters.Filter.1.Values.Value.2", equalTo("no-such-db"))
                .withFormParam("Filters.Filter.1.Values.Value.3", equalTo("ORDERS-DB")));
        // Then one call per kind, each naming every database of that kind once.
        rds.server().verify(1, describePendingRequested()
                .withFormParam("Filters.Filter.1.Name", equalTo("db-instance-id"))
                .withFormParam("Filters.Filter.1.Values.Value.1", equalTo(ORDERS_ARN))
                .withoutFormParam("Filters.Filter.1.Values.Value.2"));
        rds.server().verify(1, describePendingRequested()
                .withFormParam("Filters.Filter.1.Name", equalTo("db-cluster-id"))
                .withFormParam("Filters.Filter.1.Values.Value.1", equalTo(BILLING_ARN))
                .withoutFormParam("Filters.Filter.1.Values.Value.2"));
        rds.server().verify(2, describePendingRequested());
    }

    @Test
    void describesAnInstanceWithNothingPending() {
        rds.pendingActions();

        assertThat(api.describe(REGION, List.of(ORDERS_ARN), budget())).containsExactly(Map.entry(ORDERS_ARN, orders()));
    }

    @Test
    void anUnknownIdentifierIsLeftOutAndAsksForNoPendingActions() {
        rds.pendingActions(Resource.of(ORDERS_ARN, OS_UPDATE));

        assertThat(api.describe(REGION, List.of("no-such-db"), budget())).isEmpty();

        rds.server().verify(0, describePendingRequested());
    }

    @Test
    void aCallThatIsDeniedFailsTheLookup() {
        rds.pendingActions();
        rds.server().stubFor(call("DescribeDBClusters").willReturn(RdsQueryStub.error(403, "AccessDenied",
                "User is not authorized to perform: rds:DescribeDBClusters")));

        assertThatThrownBy(() -> api.describe(REGION, List.of("orders-db"), budget()))
                .isInstanceOf(AwsServiceException.class).hasMessageContaining("rds:DescribeDBClusters");
    }

    @Test
    void aCallThatHangsEndsWithTheBudget() {
        rds.pendingActions();
        rds.server().stubFor(call("DescribeDBInstances").willReturn(page(null).withFixedDelay(30_000)));
        long started = System.nanoTime();

        // The SDK's own timeout (the budget's end) or, just after it, the wait for the call: either way, not 30 s.
        assertThatThrownBy(() -> api.describe(REGION, List.of("orders-db"), shortBudget()))
                .isInstanceOf(RuntimeException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
}
