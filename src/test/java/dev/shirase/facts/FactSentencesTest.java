package dev.shirase.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FactSentencesTest {

    private static java.util.List<String> japanese(String english) {
        return FactSentences.japanese(Facts.extract(english));
    }

    @Test
    void securityUpgrade() {
        assertThat(japanese(FactTexts.AURORA_SECURITY_UPGRADE)).containsExactly(
                "対象のバージョン: Aurora PostgreSQL 15.7 → 15.12 以降",
                "2027年3月9日(火) 以降の最初のメンテナンスウィンドウで自動的に適用されます",
                "停止時間の目安: 数分",
                "1 件以上のクラスターが対象です");
    }

    @Test
    void endOfStandardSupportWithExtendedSupportCharges() {
        assertThat(japanese(FactTexts.RDS_EXTENDED_SUPPORT)).containsExactly(
                "アップグレード先の例: RDS for PostgreSQL 17",
                "RDS for PostgreSQL 12 の標準サポートは 2027年2月28日(日) に終了します",
                "期限: 2027年2月28日(日)",
                "延長サポートの料金は 2027年3月1日(月) から発生します (vCPU 時間あたり)",
                "延長サポート 3 年目の料金は 2029年3月1日(木) から適用されます (vCPU 時間あたり)");
    }

    /** The date before ", and charges apply from ..." is when the enrolment happens, not when the charges start. */
    @Test
    void aChargeTakesTheDateOfItsOwnClause() {
        assertThat(japanese("DB instances that still run RDS for PostgreSQL 14 after February 28, 2027 will be enrolled"
                + " automatically in Amazon RDS Extended Support, and RDS Extended Support charges will apply to them from"
                + " March 1, 2027.")).filteredOn(line -> line.contains("料金"))
                .containsExactly("延長サポートの料金は 2027年3月1日(月) から発生します");
    }

    @Test
    void aSupportEndingFarFromItsSubjectIsStillTheEndOfStandardSupport() {
        assertThat(japanese("Standard support for Amazon Aurora PostgreSQL-Compatible Edition version 11 ends on"
                + " February 29, 2024, after which clusters that still run version 11 move to RDS Extended Support at an"
                + " additional charge.")).contains("標準サポート終了日: 2024年2月29日(木)")
                .noneMatch(line -> line.contains("2024年2月29日(木) から"));
    }

    @Test
    void twoTargetsOfOneProductAreAlternatives() {
        assertThat(japanese("Your clusters run Aurora PostgreSQL 11. Plan a major version upgrade to Aurora PostgreSQL"
                + " 15 or 16.")).containsExactly("対象のバージョン: Aurora PostgreSQL 11 → 15 または 16");
    }

    @Test
    void minorVersionsPerMajorVersion() {
        assertThat(japanese(FactTexts.RDS_MINOR_END_OF_SUPPORT)).containsExactly(
                "対象のバージョン: RDS for PostgreSQL 13.9、13.10 → 13.12 以降",
                "対象のバージョン: RDS for PostgreSQL 14.6 → 14.9 以降",
                "RDS for PostgreSQL 13.9、13.10、14.6 の標準サポートは 2027年4月30日(金) に終了します",
                "期限: 2027年4月30日(金)",
                "2027年5月31日(月) 以降の最初のメンテナンスウィンドウで実施されます");
    }

    @Test
    void lambdaRuntimeDeprecation() {
        assertThat(japanese(FactTexts.LAMBDA_DEPRECATION)).containsExactly(
                "対象のランタイム: Python 3.9 (python3.9)",
                "移行先のランタイム: Python 3.12",
                "サポート終了日: 2026年12月15日(火)",
                "新規作成ができなくなる日: 2027年2月1日(月)",
                "更新ができなくなる日: 2027年3月1日(月)",
                "1 件以上の関数が対象です");
    }

    @Test
    void whenWithoutADate() {
        assertThat(japanese(FactTexts.RDS_OS_UPDATE_NEXT_WINDOW)).containsExactly(
                "次回のメンテナンスウィンドウで適用されます",
                "停止時間の目安: Multi-AZ は60〜120秒、Single-AZ は最大10分",
                "1 件の DB インスタンスが対象です");
        assertThat(japanese(FactTexts.RDS_OS_UPDATE_WEEKS)).containsExactly(
                "今後3週間のメンテナンスウィンドウ中に適用されます");
        assertThat(japanese(FactTexts.MSK_PATCHING)).containsExactly(
                "対象のバージョン: Apache Kafka 3.5.1", "今後3週間のうちに適用されます", "停止時間の目安: 数分");
        assertThat(japanese(FactTexts.DOCDB_COMING_WEEKS)).containsExactly(
                "今後数週間のメンテナンスウィンドウ中に適用されます", "停止時間の目安: 5分未満");
    }

    @Test
    void idsAndAuthorities() {
        assertThat(japanese(FactTexts.ELASTICACHE_UPDATE)).startsWith(
                "関連する CVE: CVE-2024-31449、CVE-2024-31228", "サービス更新: elasticache-20241011-001",
                "期限: 2026年11月30日(月)");
        assertThat(japanese(FactTexts.OPENSEARCH_UPDATE)).containsExactly(
                "サービスソフトウェアのバージョン: R20240101-P1", "期限: 2027年1月20日(水)");
        assertThat(japanese(FactTexts.CA_ROTATION)).containsExactly(
                "認証局: rds-ca-2019、rds-ca-rsa2048-g1", "有効期限: 2027年8月22日(日)", "停止時間の目安: 約30秒");
    }

    @Test
    void aStatedTimeIsGivenInJstAndADateAloneStaysADate() {
        assertThat(FactSentences.date(Instant.parse("2026-12-10T02:00:00Z"))).isEqualTo("2026年12月10日(木) 11:00 JST");
        assertThat(FactSentences.date(Instant.parse("2027-03-01T00:00:00Z"))).isEqualTo("2027年3月1日(月)");
        assertThat(japanese(FactTexts.EC2_REBOOT)).containsExactly(
                "実施予定日: 2026年12月10日(木) 11:00 JST", "停止時間の目安: 数分", "1 件のインスタンスが対象です");
    }

    @Test
    void noFactsNoLines() {
        assertThat(FactSentences.japanese(Facts.NONE)).isEmpty();
        assertThat(japanese("Thank you for using Amazon Web Services.")).isEmpty();
    }

    @Test
    void everyLineOfEveryTextIsJapaneseWithoutPlaceholders() throws IllegalAccessException {
        for (var field : FactTexts.class.getDeclaredFields()) {
            field.setAccessible(true);
            for (String line : japanese((String) field.get(null))) {
                assertThat(line).as(field.getName()).doesNotContain("null", "UNKNOWN", "((", "))")
                        .containsPattern("[\\u3040-\\u30ff\\u4e00-\\u9fff]");
            }
        }
    }
}
