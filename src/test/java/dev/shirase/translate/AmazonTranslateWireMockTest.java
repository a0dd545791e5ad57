package dev.shirase.translate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static dev.shirase.testing.TranslateJsonStub.call;
import static dev.shirase.testing.TranslateJsonStub.error;
import static dev.shirase.testing.TranslateJsonStub.imported;
import static dev.shirase.testing.TranslateJsonStub.pretendTranslation;
import static dev.shirase.testing.TranslateJsonStub.terminology;
import static dev.shirase.testing.TranslateJsonStub.translated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shirase.aws.AwsClients;
import dev.shirase.budget.Budget;
import dev.shirase.render.Utf8;
import dev.shirase.testing.TranslateJsonStub;
import dev.shirase.translate.TranslationException.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link AmazonTranslate} through the real SDK client against WireMock answering like Amazon Translate's JSON 1.1 API;
 * TranslateText is answered by a pretend translator that keeps what is marked {@code translate="no"} and changes
 * what is not (a few words into Japanese, digits full-width).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AmazonTranslateWireMockTest {
    private static final String TRANSLATE_TEXT = "TranslateText";
    private static final String GET_TERMINOLOGY = "GetTerminology";
    private static final String IMPORT_TERMINOLOGY = "ImportTerminology";
    private static final Glossary GLOSSARY = Glossary.bundled();
    private static final String TERMINOLOGY = "shirase-glossary-" + GLOSSARY.version();

    private static TranslateJsonStub translate;
    private AmazonTranslate translator;

    @BeforeAll
    static void startStub() {
        translate = TranslateJsonStub.start();
    }

    @AfterAll
    static void stopStub() {
        translate.close();
    }

    /** A client of its own for each test, so the adaptive retries of one test do not slow down the next. */
    @BeforeEach
    void freshTranslator() {
        translate.reset();
        translator = new AmazonTranslate(new AwsClients(Map.of("AWS_REGION", "ap-northeast-1",
                "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing",
                "AWS_ENDPOINT_URL_TRANSLATE", translate.endpoint())), GLOSSARY);
    }

    private static Budget budget() {
        return Budget.of(Duration.ofSeconds(30));
    }

    private static void terminologyExists() {
        translate.server().stubFor(call(GET_TERMINOLOGY).willReturn(terminology(TERMINOLOGY, GLOSSARY.terms().size())));
    }

    private static void translatesAnything() {
        translate.server().stubFor(call(TRANSLATE_TEXT).willReturn(pretendTranslation()));
    }

    @Test
    void asksForFormalJapaneseFromEnglishWithTheTerminology() {
        terminologyExists();
        translatesAnything();

        String japanese = translator.translate("Please reboot during your maintenance window.", List.of(), budget());

        assertThat(japanese).isEqualTo("Please 再起動 during your メンテナンスウィンドウ.");
        assertThat(translate.requests(TRANSLATE_TEXT)).singleElement().satisfies(r -> {
            assertThat(r.get("SourceLanguageCode").asText()).isEqualTo("en");
            assertThat(r.get("TargetLanguageCode").asText()).isEqualTo("ja");
            assertThat(r.get("Settings").get("Formality").asText()).isEqualTo("FORMAL");
            assertThat(texts(r.get("TerminologyNames"))).containsExactly(TERMINOLOGY);
            assertThat(r.get("Text").asText()).isEqualTo("Please reboot during your maintenance window.");
        });
        assertThat(translate.requests(GET_TERMINOLOGY)).singleElement().satisfies(r -> {
            assertThat(r.get("Name").asText()).isEqualTo(TERMINOLOGY);
            assertThat(r.get("TerminologyDataFormat").asText()).isEqualTo("CSV");
        });
        assertThat(translate.requests(IMPORT_TERMINOLOGY)).isEmpty();
        assertThat(translator.name()).isEqualTo("Amazon Translate");
        assertThat(translator.cacheKey()).isEqualTo("amazon-translate/" + TERMINOLOGY);
    }

    @Test
    void aParagraphOverTenThousandBytesGoesInSeveralRequestsAndComesBackInOrder() {
        terminologyExists();
        translatesAnything();
        String paragraph = IntStream.rangeClosed(1, 400)
                .mapToObj(n -> "Notice sentence " + n + " asks you to upgrade before the maintenance window.")
                .collect(Collectors.joining(" "));
        assertThat(Utf8.length(paragraph)).isGreaterThan(25_000);

        String japanese = translator.translate(paragraph, List.of(), budget());

        List<String> sent = translate.requests(TRANSLATE_TEXT).stream().map(r -> r.get("Text").asText()).toList();
        assertThat(sent).allSatisfy(text -> assertThat(Utf8.length(text)).isLessThanOrEqualTo(Chunks.TRANSLATE_MAX_BYTES))
                .allSatisfy(text -> assertThat(text).startsWith("Notice sentence").endsWith("window."));
        // Not many more requests than the HTML needs (each number's span tags make it larger than the text).
        int html = sent.stream().mapToInt(Utf8::length).sum();
        assertThat(sent).hasSizeBetween(3, html / Chunks.TRANSLATE_MAX_BYTES + 2);
        assertThat(japanese).isEqualTo(paragraph.replace("upgrade", "アップグレード").replace("before", "より前")
                .replace("maintenance window", "メンテナンスウィンドウ"));
    }

    @Test
    void aPieceThatOutgrowsTheLimitAsHtmlIsCutAgain() {
        terminologyExists();
        translatesAnything();
        // 8,800 bytes as text, one piece by size; each & is five bytes as HTML.
        String paragraph = "R&D & Ops & QA & SRE and ".repeat(350).strip();

        String japanese = translator.translate(paragraph, List.of(), budget());

        List<String> sent = translate.requests(TRANSLATE_TEXT).stream().map(r -> r.get("Text").asText()).toList();
        assertThat(sent).hasSizeGreaterThan(1)
                .allSatisfy(text -> assertThat(Utf8.length(text)).isLessThanOrEqualTo(Chunks.TRANSLATE_MAX_BYTES));
        assertThat(japanese).isEqualTo(paragraph.replaceAll("\\band\\b", "と"));
    }

    @Test
    void whatMustBeKeptIsSentUntranslatedAndComesBackAsWritten() {
        terminologyExists();
        translatesAnything();
        String arn = "arn:aws:rds:ap-northeast-1:123456789012:db:orders-1";
        String url = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.html?a=1&b=2";
        String paragraph = "Upgrade to 8.0.mysql_aurora.3.05.2 & reboot orders-1 (" + arn + ") and i-0abc1234def567890 "
                + "before March 1, 2027 at 10:00 PM UTC. See " + url + " for <details>.";

        String japanese = translator.translate(paragraph, List.of(), budget());

        String sent = translate.requests(TRANSLATE_TEXT).getFirst().get("Text").asText();
        assertThat(sent).contains("<span translate=\"no\">8.0.mysql_aurora.3.05.2</span> &amp; reboot",
                "<span translate=\"no\">orders-1</span>", "(<span translate=\"no\">" + arn + "</span>)",
                "<span translate=\"no\">i-0abc1234def567890</span>",
                "<span translate=\"no\">March 1, 2027</span> at <span translate=\"no\">10:00 PM UTC</span>.",
                "<span translate=\"no\">" + url.replace("&", "&amp;") + "</span> for &lt;details&gt;.");
        assertThat(japanese).isEqualTo("アップグレード先 8.0.mysql_aurora.3.05.2 & 再起動 orders-1 (" + arn + ") と "
                + "i-0abc1234def567890 より前 March 1, 2027 at 10:00 PM UTC. See " + url + " for <details>.");
        assertThat(TranslationCheck.missing(paragraph, japanese)).isEmpty();
    }

    @Test
    void aTokenAFirstTranslationLostIsKeptOnTheSecond() {
        terminologyExists();
        translatesAnything();

        String japanese = translator.translate("Reboot on day three of week B.", List.of("week B"), budget());

        assertThat(translate.requests(TRANSLATE_TEXT).getFirst().get("Text").asText())
                .isEqualTo("Reboot on day three of <span translate=\"no\">week B</span>.");
        assertThat(japanese).isEqualTo("Reboot on day three of week B.");
    }

    @Test
    void lineBreaksAreSentAsHtmlAndComeBackAsLines() {
        terminologyExists();
        translatesAnything();

        String japanese = translator.translate("Please upgrade.\nThen reboot.\r\nAffected: 2 instances", List.of(),
                budget());

        assertThat(translate.requests(TRANSLATE_TEXT).getFirst().get("Text").asText())
                .isEqualTo("Please upgrade.<br>Then reboot.<br>Affected: <span translate=\"no\">2</span> instances");
        assertThat(japanese).isEqualTo("Please アップグレード.\nThen 再起動.\nAffected: 2 instances");
    }

    @Test
    void aMissingTerminologyIsImportedOnceFromTheGlossary() {
        translate.server().stubFor(call(GET_TERMINOLOGY)
                .willReturn(error("ResourceNotFoundException", "The resource " + TERMINOLOGY + " could not be found.")));
        translate.server().stubFor(call(IMPORT_TERMINOLOGY).willReturn(imported(TERMINOLOGY, GLOSSARY.terms().size())));
        translatesAnything();

        translator.translate("Please reboot.", List.of(), budget());
        translator.translate("Please upgrade.", List.of(), budget());

        assertThat(translate.requests(GET_TERMINOLOGY)).hasSize(1);
        JsonNode imported = translate.requests(IMPORT_TERMINOLOGY).getFirst();
        assertThat(translate.requests(IMPORT_TERMINOLOGY)).hasSize(1);
        assertThat(imported.get("Name").asText()).isEqualTo(TERMINOLOGY);
        assertThat(imported.get("MergeStrategy").asText()).isEqualTo("OVERWRITE");
        assertThat(imported.get("Description").asText()).contains(GLOSSARY.version());
        JsonNode data = imported.get("TerminologyData");
        assertThat(data.get("Format").asText()).isEqualTo("CSV");
        assertThat(data.get("Directionality").asText()).isEqualTo("UNI");
        String csv = new String(Base64.getDecoder().decode(data.get("File").asText()), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo(translator.terminologyCsv());
        assertThat(csv.lines()).hasSize(GLOSSARY.terms().size() + 1)
                .startsWith("en,ja")
                .contains("maintenance window,メンテナンスウィンドウ", "operating system update,OS アップデート")
                .noneMatch(line -> line.startsWith("required,") || line.startsWith("available,"));
        assertThat(translate.requests(TRANSLATE_TEXT)).hasSize(2)
                .allSatisfy(r -> assertThat(texts(r.get("TerminologyNames"))).containsExactly(TERMINOLOGY));
        assertThat(translator.ensureTerminology(budget())).isTrue();
        assertThat(translate.requests(GET_TERMINOLOGY)).hasSize(1);
    }

    @Test
    void aTerminologyThatCannotBeImportedIsLeftOutAndNotTriedAgain() {
        translate.server().stubFor(call(GET_TERMINOLOGY)
                .willReturn(error("ResourceNotFoundException", "The resource could not be found.")));
        translate.server().stubFor(call(IMPORT_TERMINOLOGY).willReturn(error("AccessDeniedException",
                "User: arn:aws:sts::123456789012:assumed-role/shirase/notify is not authorized to perform: "
                        + "translate:ImportTerminology")));
        translatesAnything();

        String first = translator.translate("Please reboot.", List.of(), budget());
        String second = translator.translate("Please upgrade.", List.of(), budget());

        assertThat(first).isEqualTo("Please 再起動.");
        assertThat(second).isEqualTo("Please アップグレード.");
        assertThat(translate.requests(TRANSLATE_TEXT)).hasSize(2).noneMatch(r -> r.has("TerminologyNames"));
        assertThat(translate.requests(GET_TERMINOLOGY)).hasSize(1);
        assertThat(translate.requests(IMPORT_TERMINOLOGY)).hasSize(1);
        assertThat(translator.ensureTerminology(budget())).isFalse();
        assertThat(translator.terminologyFailure()).hasValueSatisfying(e -> {
            assertThat(e.kind()).isEqualTo(Kind.DENIED);
            assertThat(e).hasMessageContaining("AccessDeniedException: User: arn:aws:sts::123456789012");
        });
    }

    @Test
    void aTerminologyThatHangsLeavesTheTranslationTheRestOfItsBudget() {
        translate.server().stubFor(call(GET_TERMINOLOGY).willReturn(aResponse().withFixedDelay(10_000)));
        translatesAnything();
        long started = System.nanoTime();

        String japanese = translator.translate("Please reboot.", List.of(), Budget.of(Duration.ofSeconds(3)));

        assertThat(japanese).isEqualTo("Please 再起動.");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(translate.requests(TRANSLATE_TEXT)).singleElement().satisfies(r -> assertThat(r.has("TerminologyNames")).isFalse());
        assertThat(translator.terminologyFailure()).hasValueSatisfying(e -> assertThat(e.kind()).isEqualTo(Kind.TIMED_OUT));
    }

    @Test
    void aTerminologyDeletedSinceItWasFoundIsLeftOutFromThenOn() {
        terminologyExists();
        translate.server().stubFor(call(TRANSLATE_TEXT).withRequestBody(containing("\"TerminologyNames\"")).atPriority(1)
                .willReturn(error("ResourceNotFoundException", "The resource " + TERMINOLOGY + " could not be found.")));
        translatesAnything();

        String first = translator.translate("Please reboot.", List.of(), budget());
        String second = translator.translate("Please upgrade.", List.of(), budget());

        assertThat(first).isEqualTo("Please 再起動.");
        assertThat(second).isEqualTo("Please アップグレード.");
        assertThat(translate.requests(TRANSLATE_TEXT)).extracting(r -> r.has("TerminologyNames"))
                .containsExactly(true, false, false);
        assertThat(translator.ensureTerminology(budget())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ThrottlingException", "TooManyRequestsException"})
    void throttlingOnEveryAttemptIsThrottledWithinTheBudget(String code) {
        terminologyExists();
        translate.server().stubFor(call(TRANSLATE_TEXT).willReturn(error(code, "Rate exceeded")));
        // Room for a retry, not for all six attempts (adaptive rate limiting spaces them about 2 to 3 s apart).
        Duration budget = Duration.ofSeconds(4);
        long started = System.nanoTime();

        assertThatThrownBy(() -> translator.translate("Please reboot.", List.of(), Budget.of(budget)))
                .isInstanceOfSatisfying(TranslationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.THROTTLED));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(budget.plusSeconds(2));
        assertThat(translate.requests(TRANSLATE_TEXT)).hasSizeGreaterThan(1);
    }

    @Test
    void aHangingTranslationTimesOutWithinTheBudget() {
        terminologyExists();
        Duration budget = Duration.ofMillis(1500);
        translate.server().stubFor(call(TRANSLATE_TEXT)
                .willReturn(translated("再起動してください。").withFixedDelay((int) budget.plusSeconds(3).toMillis())));
        long started = System.nanoTime();

        assertThatThrownBy(() -> translator.translate("Please reboot.", List.of(), Budget.of(budget)))
                .isInstanceOfSatisfying(TranslationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMED_OUT));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(budget.plusSeconds(2));
    }

    @ParameterizedTest
    @CsvSource({"AccessDeniedException, DENIED", "UnrecognizedClientException, DENIED",
            "DetectedLanguageLowConfidenceException, FAILED", "UnsupportedLanguagePairException, FAILED",
            "TextSizeLimitExceededException, FAILED"})
    void anErrorIsNamedByItsKindAndAwsCodeAndNotRetried(String code, Kind kind) {
        terminologyExists();
        translate.server().stubFor(call(TRANSLATE_TEXT).willReturn(error(code, "Refused by the test")));

        assertThatThrownBy(() -> translator.translate("Please reboot.", List.of(), budget()))
                .isInstanceOfSatisfying(TranslationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e).hasMessage("Amazon Translate did not translate: " + code + ": Refused by the test");
                });
        assertThat(translate.requests(TRANSLATE_TEXT)).hasSize(1);
    }

    @Test
    void aSpentBudgetAsksNothing() {
        terminologyExists();
        translatesAnything();

        assertThatThrownBy(() -> translator.translate("Please reboot.", List.of(), Budget.of(Duration.ZERO)))
                .isInstanceOfSatisfying(TranslationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMED_OUT));
        assertThat(translate.server().getAllServeEvents()).isEmpty();
        // Nothing was learnt of the terminology: the next translation looks for it.
        translator.translate("Please reboot.", List.of(), budget());
        assertThat(translate.requests(GET_TERMINOLOGY)).hasSize(1);
    }

    private static List<String> texts(JsonNode array) {
        return array == null ? List.of() : java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText).toList();
    }
}
