package dev.shirase.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.budget.Budget;
import dev.shirase.classify.Classifier;
import dev.shirase.notice.Notice;
import dev.shirase.scan.ScanAccounts;
import dev.shirase.source.EventReader;
import dev.shirase.testing.Events;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which account's EC2 is asked whether a scheduled reboot is done: the instance's own, through the reader role in a
 * member account, and none for an account the scan does not read (its instances would look terminated).
 */
class Ec2CompletionTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HOME = "123456789012";
    private static final String MEMBER = "111111111111";
    private static final String INSTANCE = "i-0a1b2c3d4e5f67890";
    private static final ScanAccounts ACCOUNTS = ScanAccounts.parse(HOME, MEMBER, "OpsReader");

    /** Who was asked, as "account role" ("own" for the function's own account), and about what. */
    private final List<String> asked = new ArrayList<>();

    private Ec2Completion completion() {
        return new Ec2Completion((account, role) -> (region, ids, budget) -> {
            asked.add((account == null ? "own" : account + " " + role) + " " + region + " " + ids);
            Map<String, InstanceState> states = new LinkedHashMap<>();
            ids.forEach(id -> states.put(id, InstanceState.notFound()));
            return states;
        });
    }

    /** The scheduled reboot of the sample, of {@code affected}'s instance, delivered to {@code receiving}'s bus. */
    private static Notice reboot(String receiving, String affected) throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree(Events.sample("health-ec2-instance-reboot.json"));
        event.put("account", receiving);
        ((ObjectNode) event.get("detail")).put("affectedAccount", affected);
        return new Classifier().classify(new EventReader().read(MAPPER.writeValueAsBytes(event)));
    }

    /** The same, as the account's own event bus delivered it, or a forwarding rule from there. */
    private static Notice rebootOf(String account) throws Exception {
        return reboot(account, account);
    }

    private static Budget budget() {
        return Budget.of(Duration.ofSeconds(5));
    }

    @Test
    void anInstanceOfThisAccountIsAskedAboutWithTheFunctionsOwnCredentials() throws Exception {
        assertThat(completion().done(rebootOf(HOME), ACCOUNTS, budget())).containsExactly(INSTANCE);
        assertThat(asked).containsExactly("own ap-northeast-1 [" + INSTANCE + "]");
    }

    @Test
    void anInstanceOfAMemberAccountIsAskedAboutInThatAccount() throws Exception {
        assertThat(completion().done(rebootOf(MEMBER), ACCOUNTS, budget())).containsExactly(INSTANCE);
        assertThat(asked).containsExactly(MEMBER + " OpsReader ap-northeast-1 [" + INSTANCE + "]");
    }

    @Test
    void anInstanceOfAMemberAccountToldByTheOrganizationalViewIsAskedAboutInThatAccount() throws Exception {
        assertThat(completion().done(reboot(HOME, MEMBER), ACCOUNTS, budget())).containsExactly(INSTANCE);
        assertThat(asked).containsExactly(MEMBER + " OpsReader ap-northeast-1 [" + INSTANCE + "]");
    }

    @Test
    void withoutAKnownHomeAnotherAccountsInstanceToldByTheOrganizationalViewIsNotAskedAbout() throws Exception {
        ScanAccounts unknownHome = ScanAccounts.parse(null, "", null);

        assertThat(completion().done(reboot(HOME, "999999999999"), unknownHome, budget())).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void anInstanceOfAnAccountTheScanDoesNotReadIsNeverTakenAsDone() throws Exception {
        assertThat(completion().done(rebootOf("999999999999"), ACCOUNTS, budget())).isEmpty();
        assertThat(asked).isEmpty();
    }
}
