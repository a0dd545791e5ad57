package dev.shirase.advice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StatedFactsTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "Lambda has stopped invoking your function because its execution role cannot be assumed. | 関数の呼び出しを止めて",
            "Your certificate for example.com will expire on January 5, 2027. | 証明書の有効期限",
            "ACM could not automatically renew the certificate because DNS validation failed. | 自動で更新できていません",
            "One of your VPN connections has lost redundancy: only one of the tunnels is up. | 冗長性が失われて",
            "A new time zone file is available for your RDS for Oracle DB instances. | タイムゾーンファイル",
            "Your EBS volume vol-0abc has been lost because of a failure of the underlying hardware. | データが失われた",
            "This change does not affect your workloads, and no action is required. | 対応は不要",
    })
    void statesTheOneFactInJapanese(String english, String expected) {
        assertThat(String.join("", StatedFacts.of(english))).contains(expected).doesNotContain("原文の冒頭");
    }

    @Test
    void quotesTheOpeningSentenceWhenNoFactIsKnownSkippingTheGreeting() {
        assertThat(StatedFacts.of("Hello,\n\nAmazon CloudWatch now publishes two new metrics for App Runner services. "
                + "They are free."))
                .containsExactly("原文の冒頭: 「Amazon CloudWatch now publishes two new metrics for App Runner services.」");
    }

    @Test
    void saysNothingOfAnEmptyText() {
        assertThat(StatedFacts.of("")).isEmpty();
    }

    @Test
    void cutsALongOpeningAndKeepsAtMostTwoFacts() {
        assertThat(StatedFacts.of("x".repeat(100_000)).get(0)).hasSizeLessThan(220).endsWith("…」");
        assertThat(StatedFacts.of("The certificate will expire. Renewal failed. The volume was lost. Invoice attached."))
                .hasSize(2);
    }
}
