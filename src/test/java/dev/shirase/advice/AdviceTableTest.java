package dev.shirase.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.shirase.classify.Classifier;
import dev.shirase.notice.Category;
import dev.shirase.notice.Notice;
import dev.shirase.source.EventReader;
import dev.shirase.testing.Events;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdviceTableTest {

    @Test
    void everyPlatformHasAdviceForEveryCategory() {
        for (Platform platform : Platform.values()) {
            for (Category category : Category.values()) {
                assertThatCode(() -> AdviceTable.find(platform, category, "ANY_CODE", "タイトル"))
                        .as("%s / %s", platform, category).doesNotThrowAnyException();
            }
        }
    }

    /** What each service's owner can actually do, and nothing borrowed from RDS. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "MSK               | SECURITY_PATCH | min.insync.replicas",
            "MSK               | SECURITY_PATCH | 1 台ずつ",
            "FARGATE           | SECURITY_PATCH | aws ecs update-service",
            "FARGATE           | SECURITY_PATCH | --force-new-deployment",
            "OPENSEARCH        | SECURITY_PATCH | aws opensearch start-service-software-update",
            "ELASTICACHE       | SECURITY_PATCH | aws elasticache batch-apply-update-action",
            "LAMBDA            | END_OF_SUPPORT | aws lambda update-function-configuration",
            "EKS               | END_OF_SUPPORT | aws eks update-cluster-version",
            "AURORA            | OS_UPDATE      | リーダーインスタンスを先に",
            "AURORA_SERVERLESS | OS_UPDATE      | Aurora Serverless v2",
            "DOCUMENTDB        | SYSTEM_REBOOT  | aws docdb apply-pending-maintenance-action",
            "RDS               | OS_UPDATE      | Multi-AZ",
    })
    void adviceIsWrittenForTheService(Platform platform, Category category, String expected) {
        assertThat(all(AdviceTable.find(platform, category, null, ""))).contains(expected);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "MSK               | SECURITY_PATCH",
            "FARGATE           | SECURITY_PATCH",
            "OPENSEARCH        | SECURITY_PATCH",
            "ELASTICACHE       | SECURITY_PATCH",
            "LAMBDA            | END_OF_SUPPORT",
            "EKS               | END_OF_SUPPORT",
            "AURORA            | OS_UPDATE",
            "AURORA            | SYSTEM_REBOOT",
            "DOCUMENTDB        | SYSTEM_REBOOT",
    })
    void noRdsInstanceAdviceForOtherPlatforms(Platform platform, Category category) {
        assertThat(all(AdviceTable.find(platform, category, null, ""))).doesNotContain("Single-AZ", "約 10 分");
    }

    @Test
    void ec2RebootsSayThatARebootFromInsideTheOsDoesNotClearTheEvent() {
        String instanceReboot = all(AdviceTable.find(Platform.EC2, Category.SYSTEM_REBOOT,
                "AWS_EC2_INSTANCE_REBOOT_MAINTENANCE_SCHEDULED", ""));
        String systemReboot = all(AdviceTable.find(Platform.EC2, Category.SYSTEM_REBOOT,
                "AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED", ""));

        assertThat(instanceReboot).contains("OS の中からの再起動", "aws ec2 reboot-instances", "再スケジュール");
        assertThat(systemReboot).contains("reboot migration", "停止して起動し直す").doesNotContain("reboot-instances");
    }

    @Test
    void aSummaryOfManyEventsGivesTheStepsMarkedKeyElseTheFirst() {
        Advice reboot = AdviceTable.find(Platform.EC2, Category.SYSTEM_REBOOT, "AWS_EC2_INSTANCE_REBOOT_MAINTENANCE_SCHEDULED", "");
        Advice endOfSupport = AdviceTable.find(Platform.RDS, Category.END_OF_SUPPORT, "AWS_RDS_PLANNED_LIFECYCLE_EVENT", "");

        assertThat(reboot.keySteps()).extracting(Advice.Step::text)
                .hasSize(2)
                .anySatisfy(text -> assertThat(text).contains("自分で再起動"))
                .anySatisfy(text -> assertThat(text).contains("再スケジュール"));
        assertThat(endOfSupport.keySteps()).containsExactly(endOfSupport.steps().get(0));
    }

    @Test
    void certificateRotationIsFoundByItsTitleWhateverTheCode() {
        Advice rotation = AdviceTable.find(Platform.RDS, Category.SYSTEM_REBOOT, "RDS-EVENT-0501", "サーバー証明書のローテーション");

        assertThat(rotation.impact()).contains("CA 証明書");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "health-rds-aurora-postgresql-security-upgrade.json | AURORA",
            "health-rds-oracle-os-update.json                   | RDS",
            "rds-event-0287-cluster-os-upgrade-required.json    | AURORA",
            "health-ec2-system-reboot.json                      | EC2",
            "health-unknown-code.json                           | ANY",
    })
    void platformOfASample(String sample, Platform expected) {
        Notice notice = new Classifier().classify(new EventReader().read(Events.sample(sample)));

        assertThat(Platform.of(notice)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "AWS_KAFKA_SECURITY_PATCHING_EVENT      | MSK",
            "AWS_ECS_TASK_PATCHING_RETIREMENT       | FARGATE",
            "AWS_ES_SERVICE_SOFTWARE_UPDATE_AVAILABLE | OPENSEARCH",
            "AWS_ELASTICACHE_UPDATE_AVAILABLE       | ELASTICACHE",
            "AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT     | LAMBDA",
            "AWS_EKS_PLANNED_LIFECYCLE_EVENT        | EKS",
            "AWS_DOCDB_MAINTENANCE_SCHEDULED        | DOCUMENTDB",
    })
    void platformOfAService(String code, Platform expected) {
        Notice notice = new Classifier().classify(new EventReader().read(Events.bytes(
                Events.health(code, "scheduledChange", "Maintenance is scheduled."))));

        assertThat(Platform.of(notice)).isEqualTo(expected);
    }

    private static String all(Advice advice) {
        return advice.impact() + "\n" + advice.steps().stream()
                .map(s -> s.text() + (s.command() == null ? "" : "\n" + s.command())).collect(Collectors.joining("\n"));
    }
}
