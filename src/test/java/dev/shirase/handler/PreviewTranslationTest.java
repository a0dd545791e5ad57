package dev.shirase.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.testing.TranslateJsonStub;
import dev.shirase.translate.Glossary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code shirase preview} with SHIRASE_TRANSLATION: the notice as it would go out, translation included. */
class PreviewTranslationTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int preview(Map<String, String> env, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "preview";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env).run(all);
    }

    @Test
    void thePreviewShowsTheTranslationAndWritesNothing() {
        try (TranslateJsonStub translate = TranslateJsonStub.start()) {
            translate.server().stubFor(TranslateJsonStub.call("GetTerminology").willReturn(
                    TranslateJsonStub.terminology("shirase-glossary-" + Glossary.bundled().version(), 16)));
            translate.server().stubFor(TranslateJsonStub.call("TranslateText")
                    .willReturn(TranslateJsonStub.pretendTranslation()));
            Map<String, String> env = Map.of("SHIRASE_TRANSLATION", "amazon-translate",
                    "AWS_ENDPOINT_URL_TRANSLATE", translate.endpoint(), "AWS_REGION", "ap-northeast-1",
                    "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing",
                    // A state table named is not written by the preview.
                    "SHIRASE_STATE_TABLE", "shirase-state", "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9");

            assertThat(preview(env, "events/health-ec2-instance-reboot.json")).isZero();

            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(text).contains("■ 和訳 (機械翻訳)", "※ Amazon Translate による機械翻訳です");
            assertThat(text.indexOf("■ 和訳 (機械翻訳)")).isLessThan(text.indexOf("■ 原文 (English)"));
        }
    }

    @Test
    void aValueItCannotReadStopsThePreviewSayingWhatItTakes() {
        assertThat(preview(Map.of("SHIRASE_TRANSLATION", "deepl"), "events/health-ec2-instance-reboot.json"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("SHIRASE_TRANSLATION", "amazon-translate",
                "bedrock:<model id>");
    }

    @Test
    void theGlossaryCommandPrintsTheTerminologyToImportByHand() {
        assertThat(new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(new String[] {"glossary"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("en,ja\n")
                .contains("maintenance window,メンテナンスウィンドウ\n").doesNotContain("available,");
        out.reset();
        new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of()).run(new String[] {"glossary", "--name"});
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("shirase-glossary-" + Glossary.bundled().version()
                + System.lineSeparator());
    }

    @Test
    void noneShowsNoTranslation() {
        assertThat(preview(Map.of("SHIRASE_TRANSLATION", "none"), "events/health-ec2-instance-reboot.json")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("和訳");
    }
}
