package dev.shirase.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.aws.AssumedRole.RoleNotAssumedException;
import dev.shirase.budget.Budget;
import dev.shirase.deliver.ConsoleChannel;
import dev.shirase.log.JsonLog;
import dev.shirase.log.Metrics;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.PendingAction;
import dev.shirase.rds.RdsInventory;
import dev.shirase.rds.RegionScan;
import dev.shirase.scan.CompletionCheck;
import dev.shirase.scan.MemberAccounts;
import dev.shirase.scan.Place;
import dev.shirase.scan.RegionGap;
import dev.shirase.scan.RegionGap.Cause;
import dev.shirase.scan.RegionGap.Missing;
import dev.shirase.scan.ScanAccounts;
import dev.shirase.scan.ScanSettings;
import dev.shirase.state.Tracker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The scan over several accounts, in memory: which accounts are read and how, the organization's list, and how an
 * account whose reader role cannot be assumed is reported. No network.
 */
class ScanPipelineAccountsTest {
    private static final String HOME = "123456789012";
    private static final String MEMBER = "111111111111";
    private static final String REFUSING = "222222222222";
    private static final List<String> REGIONS = List.of("ap-northeast-1", "us-east-1");
    /** Wednesday 2026-12-02 09:00 JST: no reminder day, not the digest day. */
    private static final Instant WEDNESDAY = Instant.parse("2026-12-02T00:00:00Z");

    /** Who was asked for which region, as "account/region" ("own/region" with the function's own credentials). */
    private final Set<String> asked = ConcurrentHashMap.newKeySet();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    /** Every account has one database with an optional action in each region; REFUSING's role is never granted. */
    private RdsInventory inventory(String account, String role) {
        return new RdsInventory() {
            @Override
            public RegionScan withPendingMaintenance(String region, Budget budget) {
                asked.add((account == null ? "own" : account + " " + role) + "/" + region);
                if (REFUSING.equals(account)) {
                    throw new RoleNotAssumedException("arn:aws:iam::" + account + ":role/" + role, StsException.builder()
                            .statusCode(403).awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied")
                                    .errorMessage("not authorized to perform: sts:AssumeRole").build()).build());
                }
                String owner = account == null ? HOME : account;
                return RegionScan.complete(List.of(new DatabaseState("db-" + owner, "arn:aws:rds:" + region + ":" + owner
                        + ":db:db-" + owner, false, "postgres", "16.3", false, null, List.of(new PendingAction(
                        "db-upgrade", "Upgrade", null, null, null, null)))));
            }

            @Override
            public Map<String, DatabaseState> describe(String region, List<String> identifiers, Budget budget) {
                return Map.of();
            }
        };
    }

    private ScanPipeline pipeline(MemberAccounts organization) {
        JsonLog silent = JsonLog.silent();
        return new ScanPipeline(this::inventory, organization,
                List.of(new ConsoleChannel(new PrintStream(console, true, StandardCharsets.UTF_8))),
                Tracker.none(Clock.systemUTC()), CompletionCheck.NONE, silent, new Metrics(silent, "test"));
    }

    private static ScanSettings settings(String accounts) {
        return new ScanSettings(REGIONS, new TreeSet<>(List.of(7)), DayOfWeek.MONDAY,
                ScanAccounts.parse(HOME, accounts, "OpsReader"));
    }

    private static Budget budget() {
        return Budget.of(Duration.ofSeconds(20));
    }

    @Test
    void theFunctionsOwnAccountIsReadWithItsOwnCredentialsAndEachMemberThroughItsRole() {
        ScanPipeline.Report report = pipeline(MemberAccounts.UNAVAILABLE).run(WEDNESDAY, settings(MEMBER + "," + HOME),
                budget());

        assertThat(asked).containsExactlyInAnyOrder("own/ap-northeast-1", "own/us-east-1",
                MEMBER + " OpsReader/ap-northeast-1", MEMBER + " OpsReader/us-east-1");
        assertThat(report.notices()).hasSize(4);
        assertThat(report.gaps()).isEmpty();
        assertThat(report.readInFull()).containsExactlyInAnyOrder(Place.home("ap-northeast-1"), Place.home("us-east-1"),
                new Place(MEMBER, "ap-northeast-1"), new Place(MEMBER, "us-east-1"));
    }

    @Test
    void anAccountWhoseRoleCannotBeAssumedIsOneGapAndTheOthersStillCount() {
        ScanPipeline.Report report = pipeline(MemberAccounts.UNAVAILABLE).run(WEDNESDAY,
                settings(REFUSING + "," + MEMBER), budget());

        assertThat(report.notices()).hasSize(4);
        assertThat(report.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap).isEqualTo(RegionGap.roleNotAssumed(REFUSING, Cause.ACCESS_DENIED,
                    "not authorized to perform: sts:AssumeRole"));
            assertThat(gap.where()).isEqualTo(REFUSING);
        });
        assertThat(report.readInFull()).noneMatch(place -> REFUSING.equals(place.account()));
        assertThat(report.failed()).isFalse();
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("- アカウント " + REFUSING + " (すべてのリージョン): 読み取り用のロールを引き受けられませんでした");
    }

    @Test
    void theOrganizationsAccountsAreListedWhenTheScanRunsWithoutTheFunctionsOwn() {
        ScanPipeline.Report report = pipeline(budget -> List.of(HOME, MEMBER)).run(WEDNESDAY, settings("ORGANIZATION"),
                budget());

        assertThat(asked).containsExactlyInAnyOrder("own/ap-northeast-1", "own/us-east-1",
                MEMBER + " OpsReader/ap-northeast-1", MEMBER + " OpsReader/us-east-1");
        assertThat(report.gaps()).isEmpty();
    }

    @Test
    void whenTheOrganizationCannotBeListedThisAccountIsScannedAndTheDigestSaysWhy() {
        ScanPipeline.Report report = pipeline(MemberAccounts.UNAVAILABLE).run(WEDNESDAY, settings("ORGANIZATION"),
                budget());

        assertThat(asked).containsExactlyInAnyOrder("own/ap-northeast-1", "own/us-east-1");
        assertThat(report.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.missing()).isEqualTo(Missing.MEMBER_ACCOUNTS);
            assertThat(gap.error()).isEqualTo("organization listing is unavailable");
            assertThat(gap.where()).isEqualTo("organization");
        });
        assertThat(report.failed()).isFalse();
        assertThat(report.digest()).isPresent();
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("- 組織のメンバーアカウント: "
                + "一覧を取得できなかったため、このアカウントだけをスキャンしました。エラー内容 (原文): organization listing is unavailable");
    }
}
