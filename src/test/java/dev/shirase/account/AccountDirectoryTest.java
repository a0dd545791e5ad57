package dev.shirase.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.budget.Budget;
import dev.shirase.log.JsonLog;
import dev.shirase.testing.MovableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The directory's caching and fallbacks, with an organization made of plain data. */
class AccountDirectoryTest {
    private static final Budget TIME = Budget.of(Duration.ofSeconds(5));

    /** Accounts in pages of two, a tree of parents, and a failure to throw instead when one is set. */
    private static final class FakeOrganization implements Organization {
        final List<Account> accounts = new ArrayList<>();
        final Map<String, String> parents = new HashMap<>();
        final List<String> calls = new ArrayList<>();
        Unavailable failure;
        /** Fails with TIME after this many pages of a listing have been served; negative: never. */
        int pagesBeforeTimeout = -1;

        @Override
        public Page accounts(String token, Budget budget) {
            calls.add("ListAccounts " + token);
            if (failure != null) {
                throw failure;
            }
            if (pagesBeforeTimeout == 0) {
                throw new Unavailable(Cause.TIME, "ListAccounts: timed out", null);
            }
            pagesBeforeTimeout--;
            int from = token == null ? 0 : Integer.parseInt(token);
            int to = Math.min(from + 2, accounts.size());
            return new Page(accounts.subList(from, to), to < accounts.size() ? String.valueOf(to) : null);
        }

        @Override
        public String parent(String childId, Budget budget) {
            calls.add("ListParents " + childId);
            if (failure != null) {
                throw failure;
            }
            return parents.get(childId);
        }

        long count(String action) {
            return calls.stream().filter(c -> c.startsWith(action)).count();
        }
    }

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T00:00:00Z"));
    private final FakeOrganization organization = new FakeOrganization();
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final JsonLog log = new JsonLog(new PrintStream(logged, true, StandardCharsets.UTF_8), Clock.systemUTC());

    {
        organization.accounts.add(new Organization.Account("111122223333", "Production Web", "ACTIVE"));
        organization.accounts.add(new Organization.Account("444455556666", "staging", "ACTIVE"));
        organization.accounts.add(new Organization.Account("777788889999", "old-sandbox", "SUSPENDED"));
        organization.parents.put("111122223333", "ou-ab12-web00001");
        organization.parents.put("ou-ab12-web00001", "ou-ab12-prod0001");
        organization.parents.put("ou-ab12-prod0001", "r-ab12");
        organization.parents.put("444455556666", "r-ab12");
    }

    private AccountDirectory directory(AccountNames configured) {
        return new AccountDirectory(configured, organization, log, clock);
    }

    private String logged() {
        return logged.toString(StandardCharsets.UTF_8);
    }

    @Test
    void namesComeFromOrganizationsPageAfterPageOnceAndConfigurationWins() {
        AccountDirectory directory = directory(AccountNames.of(Map.of("111122223333", "prod-web")));

        AccountNames first = directory.names(TIME);
        AccountNames second = directory.names(TIME);

        assertThat(first.name("111122223333")).contains("prod-web");
        assertThat(first.name("444455556666")).contains("staging");
        assertThat(first.name("777788889999")).contains("old-sandbox");
        assertThat(second).isEqualTo(first);
        assertThat(organization.calls).containsExactly("ListAccounts null", "ListAccounts 2");
    }

    @Test
    void whatWasListedIsReadAgainAfterAnHour() {
        AccountDirectory directory = directory(AccountNames.NONE);
        directory.names(TIME);
        organization.accounts.set(1, new Organization.Account("444455556666", "staging-2", "ACTIVE"));

        clock.advance(Duration.ofMinutes(59));
        assertThat(directory.names(TIME).name("444455556666")).contains("staging");
        clock.advance(Duration.ofMinutes(2));
        assertThat(directory.names(TIME).name("444455556666")).contains("staging-2");
        assertThat(organization.count("ListAccounts")).isEqualTo(4);
    }

    @Test
    void aRefusalFallsBackToConfiguredNamesIsLoggedOnceAndNotAskedAgain() {
        organization.failure = new Organization.Unavailable(Organization.Cause.LASTING,
                "ListAccounts: AccessDeniedException: You don't have permissions to access this resource.", null);
        AccountDirectory directory = directory(AccountNames.of(Map.of("111122223333", "prod-web")));

        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofHours(2));
            assertThat(directory.names(TIME).name("111122223333")).contains("prod-web");
            assertThat(directory.names(TIME).name("444455556666")).isEmpty();
            assertThat(directory.activeAccounts(TIME)).isEmpty();
        }

        assertThat(organization.count("ListAccounts")).isEqualTo(1);
        assertThat(logged().lines().filter(l -> l.contains("could not list the accounts"))).singleElement()
                .satisfies(line -> assertThat(line).contains("\"level\":\"WARN\"").contains("AccessDeniedException")
                        .contains("LASTING"));
    }

    @Test
    void aFailureThatMayPassIsAskedAgainOnlyAfterAWhile() {
        organization.failure = new Organization.Unavailable(Organization.Cause.FAILED, "ListAccounts: throttled", null);
        AccountDirectory directory = directory(AccountNames.NONE);

        directory.names(TIME);
        clock.advance(Duration.ofMinutes(4));
        directory.names(TIME);
        assertThat(organization.count("ListAccounts")).isEqualTo(1);

        organization.failure = null;
        clock.advance(Duration.ofMinutes(2));
        assertThat(directory.names(TIME).name("444455556666")).contains("staging");
        assertThat(logged().lines().filter(l -> l.contains("could not list the accounts")).count()).isEqualTo(1);
        assertThat(logged()).contains("answers again");
    }

    @Test
    void aListingCutShortByTheBudgetGoesOnFromItsPageNextTimeAndNamesWhatItHasMeanwhile() {
        organization.pagesBeforeTimeout = 1;
        AccountDirectory directory = directory(AccountNames.NONE);

        AccountNames partial = directory.names(TIME);
        assertThat(partial.name("111122223333")).contains("Production Web");
        assertThat(partial.name("777788889999")).isEmpty();
        assertThat(directory.activeAccounts(Budget.of(Duration.ZERO))).as("no complete listing yet").isEmpty();

        organization.pagesBeforeTimeout = -1;
        assertThat(directory.activeAccounts(TIME)).contains(List.of("111122223333", "444455556666"));
        assertThat(organization.calls).containsExactly("ListAccounts null", "ListAccounts 2", "ListAccounts 2");
    }

    @Test
    void theOusOfAnAccountAreWalkedUpToTheRootAndKept() {
        AccountDirectory directory = directory(AccountNames.NONE);

        assertThat(directory.ancestors("111122223333", TIME))
                .containsExactly("ou-ab12-web00001", "ou-ab12-prod0001", "r-ab12");
        assertThat(directory.ancestors("111122223333", TIME))
                .containsExactly("ou-ab12-web00001", "ou-ab12-prod0001", "r-ab12");
        assertThat(directory.ancestors("444455556666", TIME)).containsExactly("r-ab12");
        assertThat(directory.ancestors("999999999999", TIME)).as("outside the organization").isEmpty();
        assertThat(directory.ancestors("999999999999", TIME)).isEmpty();

        assertThat(organization.count("ListParents")).isEqualTo(5);
    }

    @Test
    void withoutOrganizationsAnAccountHasNoOusAndTheFailureIsLoggedOnce() {
        organization.failure = new Organization.Unavailable(Organization.Cause.TIME, "ListParents: timed out", null);
        AccountDirectory directory = directory(AccountNames.NONE);

        assertThat(directory.ancestors("111122223333", TIME)).isEmpty();
        assertThat(directory.ancestors("444455556666", TIME)).isEmpty();

        assertThat(organization.count("ListParents")).isEqualTo(1);
        assertThat(logged().lines().filter(l -> l.contains("which OUs hold an account")).count()).isEqualTo(1);
    }

    @Test
    void outsideOrganizationModeNothingIsAsked() {
        AccountDirectory directory = AccountDirectory.fromEnvironment(
                Map.of(AccountNames.ENV, "{\"111122223333\": \"prod-web\"}"), () -> organization, log, clock);

        assertThat(directory.usesOrganization()).isFalse();
        assertThat(directory.names(TIME).name("111122223333")).contains("prod-web");
        assertThat(directory.ancestors("111122223333", TIME)).isEmpty();
        assertThat(directory.activeAccounts(TIME)).isEmpty();
        assertThat(organization.calls).isEmpty();
    }

    @Test
    void organizationModeIsTurnedOnByTheVariable() {
        AccountDirectory directory = AccountDirectory.fromEnvironment(
                Map.of(AccountDirectory.ORGANIZATION_ENV, "o-a1b2c3d4e5"), () -> organization, log, clock);

        assertThat(directory.usesOrganization()).isTrue();
        assertThat(directory.activeAccounts(TIME)).contains(List.of("111122223333", "444455556666"));
    }

    @Test
    void namesThatCannotBeReadAreAnErrorInTheLogAtStartAndTheIdsAreShown() {
        AccountDirectory directory = AccountDirectory.fromEnvironment(
                Map.of(AccountNames.ENV, "{'111122223333': 'prod-web'}"), () -> organization, log, clock);

        assertThat(directory.configured().isEmpty()).isTrue();
        assertThat(logged()).contains("\"level\":\"ERROR\"").contains("SHIRASE_ACCOUNT_NAMES could not be read in full")
                .contains("is not valid JSON");
    }
}
