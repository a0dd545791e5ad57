package dev.shirase.account;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.shirase.aws.AwsClients;
import dev.shirase.budget.Budget;
import dev.shirase.log.JsonLog;
import dev.shirase.testing.MotoClients;
import dev.shirase.testing.MotoServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names, OUs and active accounts read from moto's AWS Organizations through the SDK, as in organization mode. */
class OrganizationsMotoTest {
    private static final Budget TIME = Budget.of(Duration.ofSeconds(20));
    private final MotoServer moto = MotoServer.get();
    private final MotoClients clients = new MotoClients(moto);

    @BeforeEach
    void emptyAccount() {
        moto.reset();
    }

    private AccountDirectory directory(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(moto.awsEnvironment());
        env.put(AccountDirectory.ORGANIZATION_ENV, "o-exampleorgid");
        env.putAll(extra);
        AwsClients aws = new AwsClients(env);
        return AccountDirectory.fromEnvironment(env, () -> new OrganizationsApi(aws), JsonLog.silent(),
                Clock.systemUTC());
    }

    @Test
    void namesComeFromEveryPageOfListAccountsAndTheMappingWins() {
        List<String> names = new ArrayList<>(List.of("prod-web", "staging"));
        // More than a page of ListAccounts (20), so the listing must follow NextToken.
        IntStream.range(0, 22).forEach(i -> names.add("sandbox-" + i));
        MotoClients.Organization org = clients.organization(names, List.of());
        String prodWeb = org.accounts().get("prod-web");
        String staging = org.accounts().get("staging");
        String last = org.accounts().get("sandbox-21");

        AccountNames found = directory(Map.of(AccountNames.ENV, "{\"" + staging + "\": \"stg (mapped)\"}")).names(TIME);

        assertThat(found.name(prodWeb)).contains("prod-web");
        assertThat(found.name(last)).contains("sandbox-21");
        assertThat(found.name(staging)).contains("stg (mapped)");
        assertThat(found.name(MotoServer.ACCOUNT)).as("the management account is listed too").isPresent();
        assertThat(found.size()).isEqualTo(names.size() + 1);
    }

    @Test
    void theOusOfAnAccountAreFoundThroughNestedOusUpToTheRoot() {
        MotoClients.Organization org = clients.organization(List.of("prod-web", "staging"), List.of("prod", "prod/web"));
        String prodWeb = org.accounts().get("prod-web");
        clients.move(org, prodWeb, "prod/web");

        AccountDirectory directory = directory(Map.of());

        assertThat(directory.ancestors(prodWeb, TIME))
                .containsExactly(org.ous().get("prod/web"), org.ous().get("prod"), org.rootId());
        assertThat(directory.ancestors(org.accounts().get("staging"), TIME)).containsExactly(org.rootId());
        assertThat(directory.ancestors("999988887777", TIME)).as("not in the organization").isEmpty();
    }

    @Test
    void activeAccountsLeaveOutClosedOnes() {
        MotoClients.Organization org = clients.organization(List.of("prod-web", "retired"), List.of());
        try (var organizations = clients.organizations()) {
            organizations.closeAccount(c -> c.accountId(org.accounts().get("retired")));
        }

        assertThat(directory(Map.of()).activeAccounts(TIME)).hasValueSatisfying(ids -> assertThat(ids)
                .contains(org.accounts().get("prod-web"), MotoServer.ACCOUNT)
                .doesNotContain(org.accounts().get("retired")));
    }

    /**
     * Outside the management and delegated administrator accounts, or without an organization, Organizations refuses
     * (moto lists nothing instead, so WireMock answers as AWS does). The ids are shown, and nothing is asked again.
     */
    @ParameterizedTest
    @ValueSource(strings = {"AccessDeniedException", "AWSOrganizationsNotInUseException"})
    void aRefusalFallsBackToConfiguredNamesAndIsNotAskedAgain(String error) {
        WireMockServer refusing = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        refusing.start();
        try {
            refusing.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400)
                    .withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody("{\"__type\":\"" + error + "\",\"Message\":\"refused by the test\"}")));
            AccountDirectory directory = directory(Map.of(AccountNames.ENV, "{\"111122223333\": \"prod-web\"}",
                    "AWS_ENDPOINT_URL_ORGANIZATIONS", refusing.baseUrl()));

            for (int i = 0; i < 2; i++) {
                assertThat(directory.names(TIME).name("111122223333")).contains("prod-web");
                assertThat(directory.names(TIME).size()).isEqualTo(1);
                assertThat(directory.activeAccounts(TIME)).isEmpty();
                assertThat(directory.ancestors("111122223333", TIME)).isEmpty();
            }

            assertThat(refusing.getAllServeEvents()).as("one ListAccounts, one ListParents").hasSize(2);
        } finally {
            refusing.stop();
        }
    }
}
