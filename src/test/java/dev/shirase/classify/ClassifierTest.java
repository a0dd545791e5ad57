package dev.shirase.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.notice.Category;
import dev.shirase.notice.Deadline;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Obligation;
import dev.shirase.notice.Stage;
import dev.shirase.source.EventReader;
import dev.shirase.testing.Events;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fallbacks: what decides when the table does not know the code, or knows it only broadly. */
class ClassifierTest {
    private final EventReader reader = new EventReader();
    private final Classifier classifier = new Classifier();

    private Notice classify(ObjectNode event) {
        return classifier.classify(reader.read(Events.bytes(event)));
    }

    private Notice operationalNotification(String description) {
        return classify(Events.health("AWS_RDS_OPERATIONAL_NOTIFICATION", "accountNotification", description));
    }

    private Notice unknownCode(String category, String description) {
        return classify(Events.health("AWS_NEWSERVICE_SOMETHING_HAPPENS", category, description));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "END_OF_SUPPORT      | Version 3 reaches end of standard support on March 1, 2027.",
            "END_OF_SUPPORT      | Runtime nodejs18.x will be deprecated soon.",
            "END_OF_SUPPORT      | We are ending support for Node.js 18 in AWS Lambda.",
            "END_OF_SUPPORT      | This is a runtime deprecation notice.",
            "HARDWARE_RETIREMENT | Your instance is scheduled for retirement because of degraded hardware.",
            "OS_UPDATE           | A new operating system update is available for your nodes.",
            "SYSTEM_REBOOT       | We will rotate the certificate authority used by your endpoints.",
            "SECURITY_PATCH      | This update fixes CVE-2026-12345 in the engine.",
            "SECURITY_PATCH      | We will apply patches to your brokers.",
            "ENGINE_UPGRADE      | A new minor version of the engine is available.",
            "SYSTEM_REBOOT       | Your nodes will be restarted next week.",
            "SYSTEM_REBOOT       | We will perform maintenance on your cluster.",
    })
    void unknownCodesAreClassifiedByTheWordsOfTheirText(Category expected, String description) {
        assertThat(unknownCode("accountNotification", description).category()).isEqualTo(expected);
    }

    @Test
    void theStrongestWordsWin() {
        // an OS update that also mentions security is an OS update
        assertThat(unknownCode("accountNotification",
                "This operating system update contains important security fixes.").category())
                .isEqualTo(Category.OS_UPDATE);
        // an end of support that also mentions an upgrade is an end of support
        assertThat(unknownCode("accountNotification",
                "Engine 5 reaches end of standard support. Upgrade to a newer major version.").category())
                .isEqualTo(Category.END_OF_SUPPORT);
    }

    @Test
    void theCodeItselfCountsAsWords() {
        assertThat(classify(Events.health("AWS_NEWSERVICE_NODE_REBOOT_PLANNED", "accountNotification", "See the console."))
                .category()).isEqualTo(Category.SYSTEM_REBOOT);
    }

    @Test
    void withNoWordsTheHealthEventCategoryDecides() {
        assertThat(unknownCode("issue", "Increased error rates.").category()).isEqualTo(Category.INFORMATION);
        ObjectNode publicIssue = Events.health("AWS_NEWSERVICE_SOMETHING_HAPPENS", "issue", "Increased error rates.");
        ((ObjectNode) publicIssue.get("detail")).putArray("affectedEntities");
        assertThat(classify(publicIssue).obligation()).isEqualTo(Obligation.INFORMATION);
        assertThat(unknownCode("investigation", "We are looking into it.").category()).isEqualTo(Category.INFORMATION);

        Notice scheduled = unknownCode("scheduledChange", "Something new is coming to your account.");
        assertThat(scheduled.category()).isEqualTo(Category.UNCLASSIFIED);
        assertThat(scheduled.obligation()).isEqualTo(Obligation.REQUIRED);
        assertThat(scheduled.rule()).isEqualTo("no rule");

        // a notice to the account that names nothing AWS will do is information
        Notice notification = unknownCode("accountNotification", "Something new is available in your account.");
        assertThat(notification.category()).isEqualTo(Category.INFORMATION);
        assertThat(notification.obligation()).isEqualTo(Obligation.INFORMATION);
        assertThat(notification.rule()).isEqualTo("event category: accountNotification");
    }

    @ParameterizedTest
    @CsvSource({"ACTION_REQUIRED,REQUIRED", "ACTION_MAY_BE_REQUIRED,OPTIONAL", "INFORMATIONAL,INFORMATION"})
    void actionabilityDecidesTheObligationWhereTheTableDoesNot(String actionability, Obligation expected) {
        ObjectNode event = Events.health("AWS_NEWSERVICE_SECURITY_NOTIFICATION", "accountNotification",
                "Please review the security settings of your resources.");
        ((ObjectNode) event.get("detail")).put("actionability", actionability);

        assertThat(classify(event).obligation()).isEqualTo(expected);
    }

    @Test
    void theTableWinsOverActionabilityWhereItSpeaks() {
        ObjectNode event = Events.health("AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED", "scheduledChange", "Reboot.");
        ((ObjectNode) event.get("detail")).put("actionability", "ACTION_MAY_BE_REQUIRED");

        assertThat(classify(event).obligation()).isEqualTo(Obligation.REQUIRED);
    }

    @Test
    void anAccountNotificationThatIsReallyAnOsUpdateIsAnOsUpdate() {
        Notice n = operationalNotification(
                "We have an available operating system update for RDS Oracle instances. Beginning February 15, 2027, "
                        + "instances still on the old operating system will be automatically updated.");

        assertThat(n.category()).isEqualTo(Category.OS_UPDATE);
        assertThat(n.obligation()).isEqualTo(Obligation.REQUIRED);
        assertThat(n.rule()).isEqualTo("table: AWS_RDS_OPERATIONAL_NOTIFICATION + words");
    }

    @Test
    void aSecurityUpgradeOfTheEngineIsASecurityPatchNotAnEndOfSupport() {
        Notice n = classifier.classify(reader.read(Events.sample("health-rds-aurora-postgresql-security-upgrade.json")));

        // the text also mentions the "version deprecation policy": boilerplate, not an end of support
        assertThat(n.category()).isEqualTo(Category.SECURITY_PATCH);
        assertThat(n.title()).isEqualTo("セキュリティアップグレード");
        assertThat(n.obligation()).isEqualTo(Obligation.REQUIRED);
        assertThat(n.deadline()).isEqualTo(new Deadline(Instant.parse("2027-03-03T00:00:00Z"), Deadline.Kind.AUTO_APPLY_FROM));
    }

    @Test
    void aBroadCodeKeepsItsDefaultWhenOnlyWeakWordsAppear() {
        // "maintenance" and "minor version" do not turn an ElastiCache service update into something else
        Notice n = classify(Events.health("AWS_ELASTICACHE_UPDATE_AVAILABLE", "accountNotification",
                "A service update with a new minor version is available; apply it in your maintenance window."));

        assertThat(n.category()).isEqualTo(Category.SECURITY_PATCH);
    }

    @Test
    void wordsThatSayAwsWillActMakeANotificationRequired() {
        Notice n = classify(Events.health("AWS_RDS_SECURITY_NOTIFICATION", "accountNotification",
                "Your instances run an engine with a security issue. We will automatically upgrade them."));
        Notice optional = classify(Events.health("AWS_RDS_SECURITY_NOTIFICATION", "accountNotification",
                "Your instances run an engine with a security issue. We recommend that you upgrade them."));

        assertThat(n.obligation()).isEqualTo(Obligation.REQUIRED);
        assertThat(optional.category()).isEqualTo(Category.SECURITY_PATCH);
        assertThat(optional.obligation()).isEqualTo(Obligation.OPTIONAL);
    }

    @Test
    void aClosedEventIsACompletionNotice() {
        Notice n = classifier.classify(reader.read(Events.sample("health-ec2-system-reboot-closed.json")));

        assertThat(n.stage()).isEqualTo(Stage.COMPLETED);
        assertThat(n.category()).isEqualTo(Category.SYSTEM_REBOOT);
        assertThat(n.obligation()).isEqualTo(Obligation.INFORMATION);
        assertThat(n.deadline()).isNull();
    }

    @Test
    void anRdsEventSayingMaintenanceFinishedIsACompletionNotice() {
        assertThat(classify(Events.rds("RDS-EVENT-0027", "Finished applying off-line patches to DB instance.",
                "maintenance")).stage()).isEqualTo(Stage.COMPLETED);
        // an id the table does not know, whose text says it finished
        Notice unknown = classify(Events.rds("RDS-EVENT-0999", "Database cluster OS upgrade completed.", "maintenance"));
        assertThat(unknown.stage()).isEqualTo(Stage.COMPLETED);
        assertThat(unknown.category()).isEqualTo(Category.OS_UPDATE);
        assertThat(unknown.obligation()).isEqualTo(Obligation.INFORMATION);
    }

    @Test
    void securityAsBoilerplateDoesNotMakeASecurityPatch() {
        Notice campaign = classify(Events.health("AWS_RDS_OPERATIONAL_NOTIFICATION", "accountNotification",
                "AWS is managing a campaign to upgrade resources opted into the Auto Minor Version Upgrade feature. "
                        + "This upgrade will enhance security, performance, and stability. Review the patch ordering "
                        + "in the console. The upgrades will be performed automatically in your maintenance window."));

        assertThat(campaign.category()).isEqualTo(Category.ENGINE_UPGRADE);
        assertThat(campaign.obligation()).isEqualTo(Obligation.REQUIRED);
        assertThat(unknownCode("accountNotification", "This release will enhance security, performance and stability.")
                .rule()).isEqualTo("event category: accountNotification");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "RDS will upgrade your instances between February 16, 2021 and March 16, 2021.",
            "Amazon EKS will update the control plane of your clusters.",
            "This notice requires action on your part before the certificate expires.",
            "Your clients must be updated to trust the new certificate authority.",
    })
    void wordsThatSayAwsOrTheReaderMustActMakeItRequired(String description) {
        assertThat(classify(Events.health("AWS_RDS_SECURITY_NOTIFICATION", "accountNotification", description))
                .obligation()).isEqualTo(Obligation.REQUIRED);
    }

    @Test
    void noActionIsRequiredIsNotRequired() {
        Notice n = classify(Events.health("AWS_RDS_OPERATIONAL_NOTIFICATION", "accountNotification",
                "We are adding a new metric for your databases. No action is required on your part."));

        assertThat(n.obligation()).isEqualTo(Obligation.INFORMATION);
    }

    @Test
    void anIssueThatNamesTheAccountsResourcesNeedsALook() {
        Notice own = classify(Events.health("AWS_EC2_INSTANCE_STORE_DRIVE_PERFORMANCE_DEGRADED", "issue",
                "The instance store drive of your instance shows degraded performance."));
        ObjectNode publicIssue = Events.health("AWS_EC2_OPERATIONAL_ISSUE", "issue", "Increased API error rates.");
        ((ObjectNode) publicIssue.get("detail")).putArray("affectedEntities");

        assertThat(own.obligation()).isEqualTo(Obligation.OPTIONAL);
        assertThat(classify(publicIssue).obligation()).isEqualTo(Obligation.INFORMATION);
    }

    @Test
    void aResolvedIssueIsACompletionNotice() {
        assertThat(classify(Events.health("AWS_EC2_OPERATIONAL_ISSUE", "issue",
                "[RESOLVED] Increased API error rates. Between 1:00 and 2:00 PM PDT we saw errors.")).stage())
                .isEqualTo(Stage.COMPLETED);
    }

    @Test
    void anOldRdsEventWithoutAnEventIdIsReadAndClassifiedByItsCategory() {
        ObjectNode old = Events.rds("RDS-EVENT-0002", "Finished DB Instance backup", "backup");
        ((ObjectNode) old.get("detail")).remove("EventID");

        Notice n = classify(old);

        assertThat(n.announcement().readError()).isNull();
        assertThat(n.category()).isEqualTo(Category.INFORMATION);
        assertThat(n.title()).isEqualTo("バックアップ");
        assertThat(n.stage()).isEqualTo(Stage.COMPLETED);
    }

    @Test
    void deprecationPolicyBoilerplateIsNotAnEndOfSupport() {
        assertThat(unknownCode("accountNotification",
                "A new feature is available. See the version deprecation policy in the FAQs.").rule())
                .isEqualTo("event category: accountNotification");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "security patching | OS_UPDATE",
            "maintenance       | SYSTEM_REBOOT",
            "availability      | SYSTEM_REBOOT",
            "notification      | INFORMATION",
    })
    void anRdsEventIdTheTableDoesNotKnowIsClassifiedByItsRdsCategory(String rdsCategory, Category expected) {
        Notice n = classify(Events.rds("RDS-EVENT-0999", "Something about the DB instance.", rdsCategory));

        assertThat(n.category()).isEqualTo(expected);
        assertThat(n.rule()).isEqualTo("RDS event category: " + rdsCategory);
    }

    @Test
    void inputThatIsNotAnEventIsUnclassifiedAndNeedsALook() {
        Notice n = classifier.classify(reader.read("{oops".getBytes(StandardCharsets.UTF_8)));

        assertThat(n.category()).isEqualTo(Category.UNCLASSIFIED);
        assertThat(n.obligation()).isEqualTo(Obligation.OPTIONAL);
        assertThat(n.announcement().raw()).isEqualTo("{oops");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // a condition, a negation, boilerplate: words said in passing name nothing
            "Tunnel endpoints are replaced when underlying hardware is retired. Both tunnels stay configured.",
            "This change does not affect maintenance of your gateways.",
            "A new console page is available, and no maintenance is required.",
            "A new console page is available.\n\nFor more information about maintenance and reboots, see the guide.",
            "A new metric is available. It is published during your maintenance window.",
    })
    void incidentalWordsDoNotNameTheCategory(String description) {
        Notice n = unknownCode("accountNotification", description);

        assertThat(n.category()).isEqualTo(Category.INFORMATION);
        assertThat(n.rule()).isEqualTo("event category: accountNotification");
    }

    @Test
    void theWordsOfTheFirstParagraphOutweighLaterOnes() {
        Notice n = operationalNotification("A new time zone file, DSTv42, is available for RDS for Oracle.\n\n"
                + "Adding the option restarts the DB instance, and you can reboot it later.");

        assertThat(n.category()).isEqualTo(Category.INFORMATION);
        assertThat(n.title()).isEqualTo("タイムゾーンファイルの更新");
    }

    @Test
    void textSayingAwsWillActOutweighsMayBeRequiredButNotInformational() {
        ObjectNode event = Events.health("AWS_RDS_SECURITY_NOTIFICATION", "accountNotification",
                "Your clusters run an affected minor version. If you do not upgrade them, we will automatically upgrade "
                        + "them on March 9, 2027 during their maintenance window.");
        ObjectNode detail = (ObjectNode) event.get("detail");

        detail.put("actionability", "ACTION_MAY_BE_REQUIRED");
        assertThat(classify(event).obligation()).isEqualTo(Obligation.REQUIRED);
        detail.put("actionability", "INFORMATIONAL");
        assertThat(classify(event).obligation()).isEqualTo(Obligation.INFORMATION);
    }

    @Test
    void anUnknownNotificationIsRequiredWhenItsTextSaysSo() {
        assertThat(unknownCode("accountNotification", "Support for version 2 ends on March 1, 2027, after which it "
                + "receives no updates.").obligation()).isEqualTo(Obligation.REQUIRED);
        assertThat(unknownCode("accountNotification", "Please migrate your applications before March 1, 2027.")
                .obligation()).isEqualTo(Obligation.REQUIRED);
        // a condition is no statement that nothing is to be done
        assertThat(unknownCode("accountNotification", "If you already migrated, no action is required. "
                + "Action is required for the other applications.").obligation()).isEqualTo(Obligation.REQUIRED);
        assertThat(unknownCode("accountNotification", "A new metric is available. No action is required.").obligation())
                .isEqualTo(Obligation.INFORMATION);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Applying off-line patches to DB instance          | OS_UPDATE      | IN_PROGRESS | RDS-EVENT-0026",
            "Finished applying off-line patches to DB instance | OS_UPDATE      | COMPLETED   | RDS-EVENT-0027",
            "DB instance restarted                             | SYSTEM_REBOOT  | COMPLETED   | RDS-EVENT-0006",
            "DB instance shutdown                              | SYSTEM_REBOOT  | IN_PROGRESS | RDS-EVENT-0004",
            "Database cluster is being upgraded                | ENGINE_UPGRADE | IN_PROGRESS | RDS-EVENT-0177",
            "Database cluster has been patched                 | ENGINE_UPGRADE | COMPLETED   | RDS-EVENT-0173",
    })
    void anRdsEventWithoutAnEventIdIsNamedByItsMessage(String message, Category category, Stage stage, String id) {
        ObjectNode old = Events.rds("(null)", message, "maintenance");

        Notice n = classify(old);

        assertThat(n.announcement().code()).isNull();
        assertThat(n.category()).isEqualTo(category);
        assertThat(n.stage()).isEqualTo(stage);
        assertThat(n.rule()).isEqualTo("RDS message: " + id);
    }

    @Test
    void aTimeZoneFileUpdateIsNoReboot() {
        Notice n = classify(Events.rds("RDS-EVENT-0192", "The upgrade of your Oracle time zone file has begun.",
                "maintenance", "notification"));

        assertThat(n.category()).isEqualTo(Category.INFORMATION);
        assertThat(n.stage()).isEqualTo(Stage.IN_PROGRESS);
    }

    @Test
    void wordsBeyondTheCapDoNotClassify() {
        String description = "A new minor version of the engine is available.";
        // End of support comes first among the words, and action required would make the notice required.
        String junk = " This is a runtime deprecation notice: action required.".repeat(20_000);

        Notice n = unknownCode("accountNotification",
                description + " ".repeat(TextLimits.MAX_CHARS - description.length()) + junk);

        assertThat(n.category()).isEqualTo(Category.ENGINE_UPGRADE);
        assertThat(n.obligation()).isEqualTo(Obligation.OPTIONAL);
        assertThat(n.announcement().description()).endsWith(junk);
    }
}
