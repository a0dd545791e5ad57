package dev.shirase.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shirase.translate.TranslationSetting.UseAmazonTranslate;
import dev.shirase.translate.TranslationSetting.UseBedrock;
import org.junit.jupiter.api.Test;

class TranslationSettingTest {
    @Test
    void noneOrNothingAsksNoTranslator() {
        assertThat(TranslationSetting.parse(null)).isEmpty();
        assertThat(TranslationSetting.parse("")).isEmpty();
        assertThat(TranslationSetting.parse(" None ")).isEmpty();
    }

    @Test
    void eachTranslatorAndAFallback() {
        assertThat(TranslationSetting.parse("amazon-translate")).containsExactly(new UseAmazonTranslate());
        assertThat(TranslationSetting.parse("bedrock:anthropic.claude-3-5-sonnet-20240620-v1:0"))
                .containsExactly(new UseBedrock("anthropic.claude-3-5-sonnet-20240620-v1:0"));
        assertThat(TranslationSetting.parse("bedrock:apac.anthropic.claude-sonnet-4-20250514-v1:0, amazon-translate"))
                .containsExactly(new UseBedrock("apac.anthropic.claude-sonnet-4-20250514-v1:0"), new UseAmazonTranslate());
        assertThat(TranslationSetting.parse(
                "bedrock:arn:aws:bedrock:ap-northeast-1:123456789012:inference-profile/apac.amazon.nova-pro-v1:0"))
                .containsExactly(new UseBedrock(
                        "arn:aws:bedrock:ap-northeast-1:123456789012:inference-profile/apac.amazon.nova-pro-v1:0"));
    }

    @Test
    void anythingElseIsRefusedSayingWhatIsAccepted() {
        assertThatThrownBy(() -> TranslationSetting.parse("deepl")).hasMessageContaining("SHIRASE_TRANSLATION")
                .hasMessageContaining("bedrock:<model id>");
        assertThatThrownBy(() -> TranslationSetting.parse("bedrock:")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TranslationSetting.parse("bedrock:model id with spaces"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TranslationSetting.parse("amazon-translate,amazon-translate"))
                .hasMessageContaining("at most two different");
        assertThatThrownBy(() -> TranslationSetting.parse("amazon-translate,bedrock:a,bedrock:b"))
                .hasMessageContaining("at most two different");
    }
}
