package dev.shirase.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.classify.TextLimits;
import dev.shirase.facts.Facts.Charge;
import dev.shirase.facts.Facts.Count;
import dev.shirase.facts.Facts.Downtime;
import dev.shirase.facts.Facts.Identifier;
import dev.shirase.facts.Facts.Purpose;
import dev.shirase.facts.Facts.Runtime;
import dev.shirase.facts.Facts.StatedDate;
import dev.shirase.facts.Facts.Upgrade;
import dev.shirase.facts.Facts.Version;
import dev.shirase.facts.Facts.When;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactsTest {
    private static final String AURORA_PG = "Aurora PostgreSQL";
    private static final String RDS_PG = "RDS for PostgreSQL";

    private static Version v(String product, String number) {
        return new Version(product, number);
    }

    private static StatedDate date(String at, Purpose purpose, boolean inWindow) {
        return new StatedDate(Instant.parse(at), purpose, inWindow);
    }

    @Test
    void auroraSecurityUpgradeGivesFromToAndTheFirstWindowOnOrAfterTheDate() {
        Facts f = Facts.extract(FactTexts.AURORA_SECURITY_UPGRADE);

        assertThat(f.upgrades()).containsExactly(
                new Upgrade(List.of(v(AURORA_PG, "15.7")), v(AURORA_PG, "15.12"), true, false));
        assertThat(f.dates()).containsExactly(date("2027-03-09T00:00:00Z", Purpose.AUTO_APPLY_FROM, true));
        assertThat(f.downtimes()).containsExactly(
                new Downtime(Downtime.Amount.FEW, 0, 0, ChronoUnit.MINUTES, Downtime.Scope.ANY));
        assertThat(f.counts()).containsExactly(new Count(1, true, Count.Noun.CLUSTER));
        assertThat(f.products()).containsExactly(AURORA_PG);
    }

    @Test
    void minorVersionsReachingEndOfSupportPairWithTheTargetOfTheirMajorVersion() {
        Facts f = Facts.extract(FactTexts.RDS_MINOR_END_OF_SUPPORT);

        assertThat(f.endOfSupport()).containsExactly(v(RDS_PG, "13.9"), v(RDS_PG, "13.10"), v(RDS_PG, "14.6"));
        assertThat(f.upgrades()).containsExactly(
                new Upgrade(List.of(v(RDS_PG, "13.9"), v(RDS_PG, "13.10")), v(RDS_PG, "13.12"), true, false),
                new Upgrade(List.of(v(RDS_PG, "14.6")), v(RDS_PG, "14.9"), true, false));
        assertThat(f.dates()).containsExactly(
                date("2027-04-30T00:00:00Z", Purpose.END_OF_STANDARD_SUPPORT, false),
                date("2027-04-30T00:00:00Z", Purpose.ACT_BY, false),
                date("2027-05-31T00:00:00Z", Purpose.SCHEDULED, true));
    }

    @Test
    void extendedSupportChargesWithTheirStartAndYearThree() {
        Facts f = Facts.extract(FactTexts.RDS_EXTENDED_SUPPORT);

        assertThat(f.endOfSupport()).containsExactly(v(RDS_PG, "12"));
        assertThat(f.upgrades()).containsExactly(new Upgrade(List.of(), v(RDS_PG, "17"), false, true));
        assertThat(f.charges()).containsExactly(
                new Charge(Charge.Kind.EXTENDED_SUPPORT, Instant.parse("2027-03-01T00:00:00Z"), 0,
                        Charge.Rate.PER_VCPU_HOUR),
                new Charge(Charge.Kind.EXTENDED_SUPPORT, Instant.parse("2029-03-01T00:00:00Z"), 3,
                        Charge.Rate.PER_VCPU_HOUR));
        assertThat(f.dates()).extracting(StatedDate::purpose).containsExactly(Purpose.END_OF_STANDARD_SUPPORT,
                Purpose.CHARGES_FROM, Purpose.OTHER, Purpose.CHARGES_FROM, Purpose.ACT_BY);
    }

    @Test
    void extendedSupportChargedPerAcuForServerless() {
        Facts f = Facts.extract(FactTexts.RDS_EXTENDED_SUPPORT_ACU);

        assertThat(f.charges()).containsExactly(new Charge(Charge.Kind.EXTENDED_SUPPORT,
                Instant.parse("2027-04-01T00:00:00Z"), 0, Charge.Rate.PER_ACU_HOUR));
        assertThat(f.versions()).containsExactly(v(AURORA_PG, "11"));
    }

    @Test
    void lambdaDeprecationGivesTheRuntimeItsTargetAndEachPhase() {
        Facts f = Facts.extract(FactTexts.LAMBDA_DEPRECATION);

        assertThat(f.runtimes()).containsExactly(new Runtime("Python 3.9", "python3.9", false),
                new Runtime("Python 3.12", null, true));
        assertThat(f.dates()).containsExactly(
                date("2026-12-15T00:00:00Z", Purpose.END_OF_SUPPORT, false),
                date("2027-02-01T00:00:00Z", Purpose.BLOCK_CREATE, false),
                date("2027-03-01T00:00:00Z", Purpose.BLOCK_UPDATE, false));
        assertThat(f.counts()).containsExactly(new Count(1, true, Count.Noun.FUNCTION));
        assertThat(f.versions()).as("a runtime is not an engine version").isEmpty();
    }

    @Test
    void lambdaRuntimesByNameAndIdentifier() {
        Facts f = Facts.extract(FactTexts.LAMBDA_RUNTIMES);

        assertThat(f.runtimes()).containsExactly(new Runtime("Node.js 18", "nodejs18.x", false),
                new Runtime("Java 8", "java8.al2", false), new Runtime(".NET 6", "dotnet6", false),
                new Runtime("Ruby 3.2", null, false), new Runtime("Node.js 22", null, true));
    }

    @Test
    void eksEndOfStandardSupport() {
        Facts f = Facts.extract(FactTexts.EKS_END_OF_STANDARD_SUPPORT);

        assertThat(f.kubernetesVersions()).containsExactly("1.29", "1.32");
        assertThat(f.endOfSupport()).containsExactly(v(Version.KUBERNETES, "1.29"));
        assertThat(f.upgrades()).containsExactly(new Upgrade(List.of(v(Version.KUBERNETES, "1.29")),
                v(Version.KUBERNETES, "1.32"), false, false));
        assertThat(f.counts()).containsExactly(new Count(2, false, Count.Noun.CLUSTER));
        assertThat(f.charges()).containsExactly(new Charge(Charge.Kind.ADDITIONAL, null, 0, Charge.Rate.NOT_STATED));
    }

    @Test
    void mskPatchingOverTheNextWeeksWithTheKafkaVersion() {
        Facts f = Facts.extract(FactTexts.MSK_PATCHING);

        assertThat(f.whens()).containsExactly(new When(When.Kind.OVER_NEXT, 3, ChronoUnit.WEEKS, false,
                When.Action.APPLY));
        assertThat(f.upgrades()).containsExactly(new Upgrade(List.of(v("Apache Kafka", "3.5.1")), null, false, false));
        assertThat(f.downtimes()).extracting(Downtime::amount).containsExactly(Downtime.Amount.FEW);
        assertThat(f.dates()).isEmpty();
    }

    @Test
    void elastiCacheServiceUpdateWithItsIdAndCves() {
        Facts f = Facts.extract(FactTexts.ELASTICACHE_UPDATE);

        assertThat(f.identifiers()).containsExactly(new Identifier(Identifier.Kind.CVE, "CVE-2024-31449"),
                new Identifier(Identifier.Kind.CVE, "CVE-2024-31228"),
                new Identifier(Identifier.Kind.ELASTICACHE_UPDATE, "elasticache-20241011-001"));
        assertThat(f.dates()).containsExactly(date("2026-11-30T00:00:00Z", Purpose.ACT_BY, false));
        assertThat(f.counts()).containsExactly(new Count(3, false, Count.Noun.CLUSTER));
        assertThat(f.whens()).extracting(When::kind).containsExactly(When.Kind.MAINTENANCE_WINDOW);
    }

    @Test
    void openSearchServiceSoftware() {
        Facts f = Facts.extract(FactTexts.OPENSEARCH_UPDATE);

        assertThat(f.identifiers()).containsExactly(new Identifier(Identifier.Kind.SERVICE_SOFTWARE, "R20240101-P1"));
        assertThat(f.dates()).containsExactly(date("2027-01-20T00:00:00Z", Purpose.ACT_BY, false));
        assertThat(f.versions()).isEmpty();
    }

    @Test
    void osUpdateInTheNextWindowWithDowntimePerDeployment() {
        Facts f = Facts.extract(FactTexts.RDS_OS_UPDATE_NEXT_WINDOW);

        assertThat(f.whens()).containsExactly(new When(When.Kind.NEXT_MAINTENANCE_WINDOW, 0, null, true,
                When.Action.APPLY));
        assertThat(f.downtimes()).containsExactly(
                new Downtime(Downtime.Amount.RANGE, 60, 120, ChronoUnit.SECONDS, Downtime.Scope.MULTI_AZ),
                new Downtime(Downtime.Amount.UP_TO, 10, 10, ChronoUnit.MINUTES, Downtime.Scope.SINGLE_AZ));
        assertThat(f.counts()).containsExactly(new Count(1, false, Count.Noun.DB_INSTANCE));
    }

    @Test
    void osUpdateOverTheNextThreeWeeksInTheWindows() {
        assertThat(Facts.extract(FactTexts.RDS_OS_UPDATE_WEEKS).whens()).containsExactly(
                new When(When.Kind.OVER_NEXT, 3, ChronoUnit.WEEKS, true, When.Action.APPLY));
    }

    @Test
    void patchInTheComingWeeksWithAnUpperBoundOnDowntime() {
        Facts f = Facts.extract(FactTexts.DOCDB_COMING_WEEKS);

        assertThat(f.whens()).containsExactly(new When(When.Kind.COMING, 0, ChronoUnit.WEEKS, true, When.Action.APPLY));
        assertThat(f.downtimes()).containsExactly(
                new Downtime(Downtime.Amount.LESS_THAN, 5, 5, ChronoUnit.MINUTES, Downtime.Scope.ANY));
    }

    @Test
    void ec2RebootWithItsWindowAndDowntime() {
        Facts f = Facts.extract(FactTexts.EC2_REBOOT);

        assertThat(f.dates()).containsExactly(date("2026-12-10T02:00:00Z", Purpose.SCHEDULED, false),
                date("2026-12-10T04:00:00Z", Purpose.OTHER, false));
        assertThat(f.downtimes()).extracting(Downtime::amount).containsExactly(Downtime.Amount.FEW);
        assertThat(f.counts()).containsExactly(new Count(1, false, Count.Noun.INSTANCE));
    }

    @Test
    void certificateRotationWithBothAuthoritiesAndTheExpiry() {
        Facts f = Facts.extract(FactTexts.CA_ROTATION);

        assertThat(f.identifiers()).containsExactly(
                new Identifier(Identifier.Kind.CERTIFICATE_AUTHORITY, "rds-ca-2019"),
                new Identifier(Identifier.Kind.CERTIFICATE_AUTHORITY, "rds-ca-rsa2048-g1"));
        assertThat(f.dates()).containsExactly(date("2027-08-22T00:00:00Z", Purpose.EXPIRES, false));
        assertThat(f.downtimes()).containsExactly(
                new Downtime(Downtime.Amount.ABOUT, 30, 30, ChronoUnit.SECONDS, Downtime.Scope.ANY));
    }

    @Test
    void auroraMySqlMajorUpgradeKeepsTheCompatibleVersionOutOfTheUpgrade() {
        Facts f = Facts.extract(FactTexts.AURORA_MYSQL_MAJOR);

        assertThat(f.endOfSupport()).containsExactly(v("Aurora MySQL", "2"));
        assertThat(f.upgrades()).containsExactly(new Upgrade(List.of(v("Aurora MySQL", "2.11.2")),
                v("Aurora MySQL", "3.05.2"), true, false));
        assertThat(f.charges()).containsExactly(
                new Charge(Charge.Kind.EXTENDED_SUPPORT, null, 0, Charge.Rate.NOT_STATED));
    }

    @Test
    void pendingMaintenanceDescriptionNamesTheTarget() {
        assertThat(Facts.extract(FactTexts.PENDING_MAINTENANCE).upgrades()).containsExactly(
                new Upgrade(List.of(), v(AURORA_PG, "3.1.2"), false, false));
    }

    @Test
    void versionsWrittenFromAndToWithoutAProductTakeTheLastProductNamed() {
        Facts f = Facts.extract("Your Amazon RDS for MySQL database will be upgraded from 8.0.32 to 8.0.40 or later.");

        assertThat(f.upgrades()).containsExactly(new Upgrade(List.of(v("RDS for MySQL", "8.0.32")),
                v("RDS for MySQL", "8.0.40"), true, false));
    }

    // ---- nothing invented ----

    @Test
    void boilerplateUrlsAddressesAndAccountIdsGiveNoFacts() {
        Facts f = Facts.extract("""
                For details, see our version deprecation policy at \
                https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/v2/USER_UpgradeDBInstance.html and \
                docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions-1.29.html or \
                https://example.com/aurora/postgresql/15.7/2027-03-09. Traffic from 10.0.12.4 to 10.0.12.9 is not \
                affected. Account 123456789012 has 0 open cases about 192.168.1.1 instances.""");

        assertThat(f.versions()).isEmpty();
        assertThat(f.upgrades()).isEmpty();
        assertThat(f.dates()).isEmpty();
        assertThat(f.counts()).isEmpty();
        assertThat(f.downtimes()).isEmpty();
        assertThat(f.kubernetesVersions()).isEmpty();
    }

    @Test
    void datesBeforeTheTextWasWrittenAreHistory() {
        String text = "On July 1, 2026 we notified you of this change. RDS will upgrade your database on March 3, 2027.";

        assertThat(Facts.extract(text, Instant.parse("2026-11-01T00:00:00Z")).dates())
                .containsExactly(date("2027-03-03T00:00:00Z", Purpose.SCHEDULED, false));
        assertThat(Facts.extract(text).dates()).hasSize(2);
    }

    @Test
    void negatedChargesAndWindowsAreNotStated() {
        Facts f = Facts.extract("There is no additional charge for this update. The patch will not be applied during "
                + "your next maintenance window. To avoid Extended Support charges, upgrade now.");

        assertThat(f.charges()).isEmpty();
        assertThat(f.whens()).isEmpty();
    }

    @Test
    void durationsThatAreNotDowntimeAreNotDowntime() {
        Facts f = Facts.extract("We will notify you 30 minutes after the upgrade completes. The report takes up to 10 "
                + "minutes to generate.");

        assertThat(f.downtimes()).isEmpty();
    }

    @Test
    void aVersionBesideAProductIsNotACount() {
        assertThat(Facts.extract("Your PostgreSQL 14 instances need attention.").counts()).isEmpty();
    }

    @Test
    void emptyAndNullTextsHaveNoFacts() {
        assertThat(Facts.extract(null)).isEqualTo(Facts.NONE);
        assertThat(Facts.extract("  ")).isEqualTo(Facts.NONE);
        assertThat(Facts.NONE.isEmpty()).isTrue();
    }

    // ---- bounded ----

    @Test
    void aHugeFactDenseTextKeepsABoundedNumberOfFacts() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 2 * TextLimits.MAX_CHARS; i++) {
            text.append("Aurora PostgreSQL 15.").append(i).append(", 16.").append(i).append(" to 17.").append(i)
                    .append(" or later before March 3, 2027 CVE-2024-").append(10_000 + i).append(" python3.")
                    .append(i % 100).append(' ').append(i % 1000 + 1).append(" instances for up to ").append(i % 60 + 1)
                    .append(" minutes of downtime over the next ").append(i % 9 + 1).append(" weeks ");
        }

        Facts f = Facts.extract(text.toString());

        assertThat(f.size()).isLessThanOrEqualTo(11 * Facts.MAX_PER_KIND);
        assertThat(f.upgrades()).hasSize(Facts.MAX_PER_KIND)
                .allSatisfy(u -> assertThat(u.from()).hasSizeLessThanOrEqualTo(Facts.MAX_PER_KIND))
                .first().isEqualTo(new Upgrade(List.of(v(AURORA_PG, "15.0"), v(AURORA_PG, "16.0")),
                        v(AURORA_PG, "17.0"), true, false));
        assertThat(f.identifiers()).hasSize(Facts.MAX_PER_KIND);
        assertThat(f.counts()).hasSize(Facts.MAX_PER_KIND);
        assertThat(f.downtimes()).hasSize(Facts.MAX_PER_KIND);
    }

    @Test
    void hostileRunsFinish() {
        // Long runs of what the patterns start on but cannot finish: digits and dots, cue words, spaces, commas.
        List<String> runs = List.of("1.".repeat(200_000), "to ".repeat(100_000), "Aurora PostgreSQL ".repeat(20_000),
                " ".repeat(300_000), "15.7, ".repeat(60_000), "a few ".repeat(60_000), "one or more ".repeat(30_000),
                "rds-ca-a-".repeat(40_000), "Python 3.".repeat(40_000));
        for (String run : runs) {
            assertThat(Facts.extract(run).size()).isLessThanOrEqualTo(11 * Facts.MAX_PER_KIND);
        }
    }
}
