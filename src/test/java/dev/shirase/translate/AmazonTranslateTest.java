package dev.shirase.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.aws.AwsClients;
import dev.shirase.render.Utf8;
import dev.shirase.translate.AmazonTranslate.Piece;
import dev.shirase.translate.TranslationException.Kind;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.translate.model.TranslateException;

/** Amazon Translate's side of the work that needs no service: the terminology file, the pieces, the failure kinds. */
class AmazonTranslateTest {
    /** AWS's limit on a term of a custom terminology, in bytes of UTF-8. */
    private static final int TERM_MAX_BYTES = 200;

    private static AmazonTranslate translator(Glossary glossary) {
        return new AmazonTranslate(new AwsClients(Map.of()), glossary);
    }

    @Test
    void theTerminologyIsTheGlossarysFixedWordsAsCsv() {
        Glossary glossary = Glossary.bundled();

        String csv = translator(glossary).terminologyCsv();

        assertThat(csv).startsWith("en,ja\nsecurity patch,セキュリティパッチ\n").endsWith("\n");
        assertThat(csv.lines().skip(1)).containsExactlyElementsOf(glossary.terms().stream()
                .map(term -> term.english() + "," + term.japanese()).toList());
        assertThat(glossary.terms()).hasSizeLessThan(glossary.entries().size());
    }

    @Test
    void everyTermFitsAwssLimit() {
        assertThat(Glossary.bundled().terms()).isNotEmpty().allSatisfy(term -> {
            assertThat(Utf8.length(term.english())).isLessThanOrEqualTo(TERM_MAX_BYTES);
            assertThat(Utf8.length(term.japanese())).isLessThanOrEqualTo(TERM_MAX_BYTES);
        });
    }

    @Test
    void aFieldWithACommaQuoteOrLineBreakIsQuoted() {
        Glossary glossary = new Glossary(List.of(
                new Glossary.Entry("patch, then reboot", "パッチ、再起動", true, null),
                new Glossary.Entry("the \"Pending\" status", "「保留中」", true, null),
                new Glossary.Entry("available", "任意", false, null)));

        assertThat(translator(glossary).terminologyCsv())
                .isEqualTo("en,ja\n\"patch, then reboot\",パッチ、再起動\n\"the \"\"Pending\"\" status\",「保留中」\n");
    }

    @Test
    void theTerminologyAndTheCacheKeyAreNamedAfterTheGlossarysVersion() {
        Glossary glossary = Glossary.bundled();
        Glossary changed = new Glossary(List.of(new Glossary.Entry("maintenance window", "保守時間帯", true, null)));

        assertThat(translator(glossary).terminologyName()).isEqualTo("shirase-glossary-" + glossary.version())
                .matches("^([A-Za-z0-9-]_?)+$");
        assertThat(translator(changed).cacheKey()).isNotEqualTo(translator(glossary).cacheKey());
    }

    @Test
    void smallPiecesNeverCutADateOrTimeAndGoBackTogether() {
        String text = "Reboot on March 1, 2027 at 10:00 PM UTC & again on Sept. 5, 2027. Then upgrade 13.12 to 14.1.";

        for (int limit : new int[] {50, 60, 80, 100}) {
            List<Piece> pieces = AmazonTranslate.pieces(text, List.of(), limit);

            assertThat(pieces).as("at %d bytes", limit).hasSizeGreaterThan(2)
                    .allSatisfy(piece -> assertThat(Utf8.length(piece.html())).isLessThanOrEqualTo(limit));
            assertThat(pieces.stream().map(Piece::html).collect(Collectors.joining("|"))).as("at %d bytes", limit)
                    .contains("<span translate=\"no\">March 1, 2027</span>",
                            "<span translate=\"no\">10:00 PM UTC</span>", "<span translate=\"no\">Sept. 5, 2027</span>");
            assertThat(pieces.stream().map(piece -> NoTranslateMarkup.unwrap(piece.html()) + piece.after())
                    .collect(Collectors.joining())).isEqualTo(text);
        }
    }

    @Test
    void aSpanLongerThanAPieceIsCutAsText() {
        String text = "See https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.html now.";

        List<Piece> pieces = AmazonTranslate.pieces(text, List.of(), 40);

        assertThat(pieces).allSatisfy(piece -> assertThat(Utf8.length(piece.html())).isLessThanOrEqualTo(40));
        assertThat(pieces.stream().map(piece -> NoTranslateMarkup.unwrap(piece.html()) + piece.after())
                .collect(Collectors.joining())).isEqualTo(text);
    }

    @Test
    void aTextThatFitsIsOnePieceAndNothingIsNone() {
        assertThat(AmazonTranslate.pieces("Please reboot.\n", List.of(), 10_000))
                .containsExactly(new Piece("Please reboot.<br>", ""));
        assertThat(AmazonTranslate.pieces(" \n ", List.of(), 10_000)).isEmpty();
    }

    @Test
    void failuresAreNamedByWhatTheReaderCanDo() {
        assertThat(AmazonTranslate.kind(service(400, "ThrottlingException"))).isEqualTo(Kind.THROTTLED);
        assertThat(AmazonTranslate.kind(service(400, "TooManyRequestsException"))).isEqualTo(Kind.THROTTLED);
        assertThat(AmazonTranslate.kind(service(429, "SlowDown"))).isEqualTo(Kind.THROTTLED);
        assertThat(AmazonTranslate.kind(service(400, "AccessDeniedException"))).isEqualTo(Kind.DENIED);
        assertThat(AmazonTranslate.kind(service(400, "UnrecognizedClientException"))).isEqualTo(Kind.DENIED);
        assertThat(AmazonTranslate.kind(service(403, "Forbidden"))).isEqualTo(Kind.DENIED);
        assertThat(AmazonTranslate.kind(ApiCallTimeoutException.create(2_000))).isEqualTo(Kind.TIMED_OUT);
        assertThat(AmazonTranslate.kind(ApiCallAttemptTimeoutException.create(2_000))).isEqualTo(Kind.TIMED_OUT);
        assertThat(AmazonTranslate.kind(new AwsClients.BudgetSpentException("spent"))).isEqualTo(Kind.TIMED_OUT);
        assertThat(AmazonTranslate.kind(SdkClientException.create("Unable to execute HTTP request",
                new SocketTimeoutException("Read timed out")))).isEqualTo(Kind.TIMED_OUT);
        assertThat(AmazonTranslate.kind(SdkClientException.create("Unable to execute HTTP request",
                new ConnectException("Connection refused")))).isEqualTo(Kind.FAILED);
        assertThat(AmazonTranslate.kind(service(400, "UnsupportedLanguagePairException"))).isEqualTo(Kind.FAILED);
        assertThat(AmazonTranslate.kind(service(400, "TextSizeLimitExceededException"))).isEqualTo(Kind.FAILED);
        assertThat(AmazonTranslate.kind(service(500, "InternalServerException"))).isEqualTo(Kind.FAILED);
        assertThat(AmazonTranslate.failure("did not translate", service(400, "UnsupportedLanguagePairException")))
                .hasMessage("Amazon Translate did not translate: UnsupportedLanguagePairException: from the test")
                .hasCauseInstanceOf(TranslateException.class);
    }

    private static TranslateException service(int status, String code) {
        return (TranslateException) TranslateException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("from the test").build())
                .build();
    }
}
