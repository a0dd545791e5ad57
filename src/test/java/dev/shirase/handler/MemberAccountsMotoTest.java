package dev.shirase.handler;

import static dev.shirase.testing.RdsQueryStub.describePending;
import static dev.shirase.testing.RdsQueryStub.inRegion;
import static dev.shirase.testing.RdsQueryStub.page;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.shirase.account.AccountDirectory;
import dev.shirase.deliver.Channels;
import dev.shirase.log.JsonLog;
import dev.shirase.scan.ScanSettings;
import dev.shirase.state.StateTable;
import dev.shirase.testing.Events;
import dev.shirase.testing.LambdaContext;
import dev.shirase.testing.MotoClients;
import dev.shirase.testing.MotoClients.Inbox;
import dev.shirase.testing.MotoServer;
import dev.shirase.testing.QueryApiStub;
import dev.shirase.testing.RdsQueryStub;
import dev.shirase.testing.RdsQueryStub.Action;
import dev.shirase.testing.RdsQueryStub.Resource;
import dev.shirase.testing.StsQueryStub;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Member accounts, read through their reader role: the daily scan over this account and two members in two regions,
 * and the enrichment of an RDS event forwarded from a member. moto grants AssumeRole (through the STS stub, which can
 * make one account refuse or hang) and keeps each account's databases apart, taking a request as the account whose
 * role issued its credentials; the pending actions, which moto does not emulate, are stubbed per account and region,
 * told apart by who signed the request.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MemberAccountsMotoTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MotoServer MOTO = MotoServer.get();
    private static final String HOME = MotoServer.ACCOUNT;
    private static final String PAYMENTS = "111111111111";
    private static final String REPORTING = "222222222222";
    private static final String SLOW = "333333333333";
    private static final String TOKYO = "ap-northeast-1";
    private static final String VIRGINIA = "us-east-1";
    private static final String ORDERS_ARN = "arn:aws:rds:ap-northeast-1:123456789012:db:orders-db";
    private static final String PAYMENTS_ARN = "arn:aws:rds:ap-northeast-1:111111111111:db:payments-db";
    private static final String LEDGER_ARN = "arn:aws:rds:us-east-1:111111111111:db:ledger-db";
    private static final String REPORTS_ARN = "arn:aws:rds:us-east-1:222222222222:db:reports-db";
    private static final String SCAN_ROLE = "arn:aws:sts::123456789012:assumed-role/shirase-ScanFunctionRole/scan";

    private static RdsQueryStub rds;
    private static StsQueryStub sts;
    private final MotoClients clients = new MotoClients(MOTO);
    private Inbox inbox;
    private String table;

    @BeforeAll
    static void startStubs() {
        rds = RdsQueryStub.start(MOTO);
        sts = StsQueryStub.start(MOTO);
    }

    @AfterAll
    static void stopStubs() {
        rds.close();
        sts.close();
    }

    /**
     * This account: orders-db in Tokyo. PAYMENTS: payments-db in Tokyo and ledger-db in Virginia. REPORTING: reports-db
     * in Virginia. Each has a required OS update; wherever nothing is stubbed, an account has no pending action.
     */
    @BeforeEach
    void accounts() {
        MOTO.reset();
        rds.reset();
        sts.reset();
        inbox = clients.topicWithQueue("shirase");
        table = clients.stateTable("shirase-state");
        clients.postgres(TOKYO, "orders-db");
        MotoClients payments = clients.inAccount(PAYMENTS);
        payments.postgres(TOKYO, "payments-db");
        payments.postgres(VIRGINIA, "ledger-db");
        clients.inAccount(REPORTING).postgres(VIRGINIA, "reports-db");
        rds.server().stubFor(describePending().atPriority(QueryApiStub.STUB_PRIORITY + 1).willReturn(page(null)));
        pending(HOME, TOKYO, ORDERS_ARN);
        pending(PAYMENTS, TOKYO, PAYMENTS_ARN);
        pending(PAYMENTS, VIRGINIA, LEDGER_ARN);
        pending(REPORTING, VIRGINIA, REPORTS_ARN);
    }

    /** {@code account}'s pending actions in {@code region}: an OS update of {@code arn}, applied after 2026-12-01. */
    private static void pending(String account, String region, String arn) {
        rds.server().stubFor(inRegion(describePending(), region).andMatching(sts.signedBy(account))
                .willReturn(page(null, Resource.of(arn, new Action("system-update", Instant.parse("2026-12-01T00:00:00Z"),
                        null, null, null, "New Operating System update is available")))));
    }

    /** No pending action of {@code account} in {@code region} any more. */
    private static void nonePending(String account, String region) {
        rds.server().stubFor(inRegion(describePending(), region).andMatching(sts.signedBy(account)).atPriority(1)
                .willReturn(page(null)));
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(MOTO.awsEnvironment());
        env.put("AWS_ENDPOINT_URL_RDS", rds.endpoint());
        env.put("AWS_ENDPOINT_URL_STS", sts.endpoint());
        env.put(Channels.TOPIC_ARN, inbox.topicArn());
        env.put(StateTable.ENV, table);
        return env;
    }

    /** The handler's result, and how long it took. */
    private record Scan(JsonNode result, Duration took) {
    }

    /** The scheduled scan at {@code time} of this account and {@code accounts} in Tokyo and Virginia. */
    private Scan scan(String time, String accounts, Duration timeout) throws Exception {
        return scan(time, accounts, env(), timeout);
    }

    private Scan scan(String time, String accounts, Map<String, String> env, Duration timeout) throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree(Events.sample("scan/scheduled-scan.json"));
        event.put("time", time);
        ((ObjectNode) event.get("detail")).put("regions", TOKYO + "," + VIRGINIA).put("accounts", accounts);
        ScanHandler handler = new ScanHandler(ScanHandler.pipeline(env, JsonLog.silent()), env,
                Clock.fixed(Instant.parse(time), ZoneOffset.UTC));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long started = System.nanoTime();
        handler.handleRequest(new ByteArrayInputStream(MAPPER.writeValueAsBytes(event)), out, new LambdaContext(timeout));
        return new Scan(MAPPER.readTree(out.toByteArray()), Duration.ofNanos(System.nanoTime() - started));
    }

    private JsonNode scan(String time, String accounts) throws Exception {
        return scan(time, accounts, Duration.ofSeconds(30)).result();
    }

    private List<JsonNode> received() {
        return clients.notifications(inbox.queueUrl());
    }

    /** The text from one "■ heading" to the next. */
    private static String section(String body, String headingStart) {
        int start = body.indexOf("■ " + headingStart);
        assertThat(start).as("section %s in%n%s", headingStart, body).isNotNegative();
        int end = body.indexOf("\n■ ", start + 1);
        return end < 0 ? body.substring(start) : body.substring(start, end);
    }

    /** The RDS pending-maintenance requests that {@code account} signed. */
    private List<LoggedRequest> pendingRequestsOf(String account) {
        return rds.pendingRequests().stream().filter(r -> sts.accountOf(r).filter(account::equals).isPresent()).toList();
    }

    @Test
    void membersAreReadThroughTheirReaderRoleAndOneThatRefusesIsAGapOfItsOwn() throws Exception {
        sts.denyIn(REPORTING, SCAN_ROLE);

        // Monday: the weekly digest lists every pending action found.
        JsonNode result = scan("2026-11-30T00:00:00Z", PAYMENTS + "," + REPORTING);

        assertThat(result.get("pendingActions").asInt()).isEqualTo(3);
        assertThat(result.get("regionErrors").toString()).isEqualTo("{\"" + REPORTING + "\":\"ACCESS_DENIED: User: "
                + SCAN_ROLE + " is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::" + REPORTING
                + ":role/ShiraseReader\"}");
        assertThat(result.get("digestSent").asBoolean()).isTrue();

        String body = received().getFirst().get("Message").asText();
        assertThat(section(body, "必須: AWS が期日に自動で適用 (3件)"))
                .contains("orders-db: OS アップデート / ap-northeast-1 (東京) / アカウント " + HOME)
                .contains("payments-db: OS アップデート / ap-northeast-1 (東京) / アカウント " + PAYMENTS)
                .contains("ledger-db: OS アップデート / us-east-1 (バージニア北部) / アカウント " + PAYMENTS)
                // The member's database details were read in the member account, through the role.
                .contains("メンテナンスウィンドウ 月曜 03:00〜03:30 JST")
                .doesNotContain("reports-db");
        assertThat(section(body, "スキャンできなかったアカウント・リージョン")).startsWith(
                "■ スキャンできなかったアカウント・リージョン\n- アカウント " + REPORTING + " (すべてのリージョン): "
                        + "読み取り用のロールを引き受けられませんでした (アクセスが拒否されました)。エラー内容 (原文): User: "
                        + SCAN_ROLE + " is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::"
                        + REPORTING + ":role/ShiraseReader\n")
                .contains("このスタックの出力 ReaderTrustedRoleArns のロールを信頼して");
        assertThat(section(body, "スキャンの条件")).contains("対象アカウント: このアカウント、" + PAYMENTS + "、" + REPORTING
                + " / 読み取り用のロール: ShiraseReader");

        // One AssumeRole a member account, whatever its regions, and the refused one asked once too.
        assertThat(sts.assumeRoleRequests()).hasSize(2).allSatisfy(request -> {
            assertThat(StsQueryStub.form(request, "RoleSessionName")).isEqualTo("shirase-scan");
            assertThat(StsQueryStub.form(request, "DurationSeconds")).isEqualTo("900");
        }).extracting(request -> StsQueryStub.form(request, "RoleArn")).containsExactlyInAnyOrder(
                "arn:aws:iam::" + PAYMENTS + ":role/ShiraseReader", "arn:aws:iam::" + REPORTING + ":role/ShiraseReader");
        assertThat(pendingRequestsOf(PAYMENTS)).hasSize(2);
        assertThat(pendingRequestsOf(HOME)).hasSize(2);
        assertThat(rds.pendingRequests()).hasSize(4);
    }

    @Test
    void nothingOfAnAccountThatCannotBeReadIsTakenAsDone() throws Exception {
        // Sunday: every account read; the required actions with a date are kept as stories.
        scan("2026-11-29T00:00:00Z", PAYMENTS + "," + REPORTING);
        received();
        // Then payments-db's action is gone, and REPORTING refuses the role: reports-db is not listed either.
        nonePending(PAYMENTS, TOKYO);
        sts.denyIn(REPORTING, SCAN_ROLE);

        JsonNode refused = scan("2026-12-08T00:00:00Z", PAYMENTS + "," + REPORTING);

        assertThat(refused.get("completions").asInt()).isEqualTo(1);
        assertThat(received()).filteredOn(n -> n.get("Subject").asText().startsWith("【完了】")).singleElement()
                .satisfies(n -> assertThat(n.get("Subject").asText()).contains("payments-db"));

        // Once REPORTING can be read again and no longer lists it, reports-db's action is done.
        sts.reset();
        nonePending(REPORTING, VIRGINIA);
        JsonNode readAgain = scan("2026-12-09T00:00:00Z", PAYMENTS + "," + REPORTING);

        assertThat(readAgain.get("completions").asInt()).isEqualTo(1);
        assertThat(received()).filteredOn(n -> n.get("Subject").asText().startsWith("【完了】")).singleElement()
                .satisfies(n -> assertThat(n.get("Subject").asText()).contains("reports-db"));
    }

    @Test
    void aMemberAccountWhoseStsNeverAnswersTakesNoMoreThanItsShare() throws Exception {
        sts.hangIn(SLOW, 60_000);
        Duration invocation = Duration.ofSeconds(4);

        Scan slow = scan("2026-11-30T00:00:00Z", SLOW + "," + PAYMENTS, invocation);

        assertThat(slow.took()).isLessThan(invocation);
        assertThat(slow.result().get("pendingActions").asInt()).isEqualTo(3);
        assertThat(slow.result().get("regionErrors").toString()).isEqualTo("{\"" + SLOW + "\":\"TIME_RAN_OUT\"}");
        assertThat(slow.result().get("delivered")).extracting(JsonNode::asText).containsExactly("sns");
        assertThat(received().getFirst().get("Message").asText())
                .contains("- アカウント " + SLOW + " (すべてのリージョン): 読み取り用のロールを制限時間内に引き受けられませんでした。")
                .contains("payments-db").contains("ledger-db").contains("orders-db");
    }

    @Test
    void anOrganizationScanReadsEveryAccountAwsOrganizationsListsAndNamesThem() throws Exception {
        // moto gives created accounts ids of its own: the new member's database and pending action are set up after.
        String warehouse = clients.organization(List.of("warehouse"), List.of()).accounts().get("warehouse");
        String warehouseArn = "arn:aws:rds:us-east-1:" + warehouse + ":db:warehouse-db";
        clients.inAccount(warehouse).postgres(VIRGINIA, "warehouse-db");
        pending(warehouse, VIRGINIA, warehouseArn);
        Map<String, String> env = env();
        env.put(AccountDirectory.ORGANIZATION_ENV, "o-exampleorgid");

        JsonNode result = scan("2026-11-30T00:00:00Z", "ORGANIZATION", env, Duration.ofSeconds(30)).result();

        assertThat(result.get("regionErrors").toString()).isEqualTo("{}");
        assertThat(sts.assumeRoleRequests()).extracting(request -> StsQueryStub.form(request, "RoleArn"))
                .containsExactly("arn:aws:iam::" + warehouse + ":role/ShiraseReader");
        assertThat(section(received().getFirst().get("Message").asText(), "必須: AWS が期日に自動で適用"))
                .contains("warehouse-db: OS アップデート / us-east-1 (バージニア北部) / アカウント warehouse (" + warehouse + ")")
                .contains("orders-db");
    }

    @Test
    void anOrganizationScanOutsideOrganizationModeScansThisAccountAndSaysWhy() throws Exception {
        JsonNode result = scan("2026-11-30T00:00:00Z", "ORGANIZATION");

        assertThat(result.get("regionErrors").toString()).contains("OrganizationId not set");
        assertThat(sts.assumeRoleRequests()).isEmpty();
        assertThat(received().getFirst().get("Message").asText())
                .contains("組織のメンバーアカウント: 一覧を取得できなかったため、このアカウントだけをスキャンしました")
                .contains("orders-db");
    }

    // ---- enrichment of an RDS event forwarded from a member account ------------------------------------------------

    /** RDS-EVENT-0230 of ledger-db, as PAYMENTS's event bus forwards it from Virginia. */
    private static byte[] ledgerEvent() throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree(Events.sample("rds-event-0230-system-update-available.json"));
        event.put("account", PAYMENTS).put("region", VIRGINIA);
        event.putArray("resources").add(LEDGER_ARN);
        ((ObjectNode) event.get("detail")).put("SourceArn", LEDGER_ARN).put("SourceIdentifier", "ledger-db");
        return MAPPER.writeValueAsBytes(event);
    }

    private static JsonNode notify(Map<String, String> env, byte[] event) throws Exception {
        NotifyHandler handler = new NotifyHandler(NotifyHandler.fromEnvironment(env, JsonLog.silent()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, new LambdaContext());
        return MAPPER.readTree(out.toByteArray());
    }

    @Test
    void anRdsEventOfAMemberAccountIsEnrichedThroughItsReaderRole() throws Exception {
        Map<String, String> env = env();
        env.put(NotifyHandler.HOME_ACCOUNT, HOME);
        env.put(ScanSettings.READER_ROLE, "ShiraseReader");

        JsonNode result = notify(env, ledgerEvent());

        // The available system update that RDS applies on a date, as ledger-db's pending action in PAYMENTS says.
        assertThat(result.get("obligation").asText()).isEqualTo("REQUIRED");
        assertThat(result.get("deadline").asText()).isEqualTo("2026-12-07T03:00+09:00");
        assertThat(sts.assumeRoleRequests()).singleElement().satisfies(request -> {
            assertThat(StsQueryStub.form(request, "RoleArn")).isEqualTo("arn:aws:iam::" + PAYMENTS + ":role/ShiraseReader");
            assertThat(StsQueryStub.form(request, "RoleSessionName")).isEqualTo("shirase-notify");
        });
        assertThat(pendingRequestsOf(PAYMENTS)).singleElement()
                .satisfies(request -> assertThat(request.getHeader("Authorization")).contains("/us-east-1/rds/"));
    }

    @Test
    void withoutAReaderRoleAMemberAccountsEventGoesOutAsItCame() throws Exception {
        Map<String, String> env = env();
        env.put(NotifyHandler.HOME_ACCOUNT, HOME);

        JsonNode result = notify(env, ledgerEvent());

        assertThat(result.get("obligation").asText()).isEqualTo("OPTIONAL");
        assertThat(result.get("deadline").isNull()).isTrue();
        assertThat(result.get("delivered")).extracting(JsonNode::asText).containsExactly("sns");
        assertThat(sts.assumeRoleRequests()).isEmpty();
        assertThat(rds.pendingRequests()).isEmpty();
    }
}
