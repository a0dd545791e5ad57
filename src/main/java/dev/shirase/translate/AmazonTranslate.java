package dev.shirase.translate;

import dev.shirase.aws.AwsClients;
import dev.shirase.budget.Budget;
import dev.shirase.translate.Chunks.Chunk;
import dev.shirase.translate.TranslationCheck.Span;
import dev.shirase.translate.TranslationException.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.services.translate.model.Directionality;
import software.amazon.awssdk.services.translate.model.Formality;
import software.amazon.awssdk.services.translate.model.MergeStrategy;
import software.amazon.awssdk.services.translate.model.ResourceNotFoundException;
import software.amazon.awssdk.services.translate.model.TerminologyDataFormat;
import software.amazon.awssdk.services.translate.model.TranslateTextRequest;

/**
 * Amazon Translate's TranslateText, from English to formal Japanese, with the glossary's fixed words as a custom
 * terminology that the product imports itself (named after the glossary's version, so a changed glossary is a new
 * terminology and a translation cached under the old one is not reused).
 *
 * <p>What a translation must keep (versions, ids, ARNs, URLs, dates, times) is sent marked to be left untranslated
 * ({@link NoTranslateMarkup}), and a paragraph longer than one request takes is sent in pieces cut between sentences.
 */
public final class AmazonTranslate implements Translator {
    private static final String TERMINOLOGY_PREFIX = "shirase-glossary-";
    /**
     * The terminology is worth at most this share of a translation's budget: when its calls hang, the translation
     * still has the rest to be made without it.
     */
    private static final double TERMINOLOGY_SHARE = 0.5;
    private static final Duration TERMINOLOGY_AT_MOST = Duration.ofSeconds(10);
    /** The smallest piece {@link Chunks} cuts: one character of any size. */
    private static final int SMALLEST_PIECE = 4;

    private final AwsClients clients;
    private final Glossary glossary;
    private final String terminologyName;
    /** Null until the terminology was looked for; then whether the translations can use it. Guarded by this. */
    private Boolean terminology;
    /** Why the terminology could not be used, or null. Guarded by this. */
    private TranslationException terminologyFailure;

    public AmazonTranslate(AwsClients clients, Glossary glossary) {
        this.clients = clients;
        this.glossary = glossary;
        this.terminologyName = TERMINOLOGY_PREFIX + glossary.version();
    }

    @Override
    public String name() {
        return "Amazon Translate";
    }

    @Override
    public String cacheKey() {
        return "amazon-translate/" + terminologyName;
    }

    /** The custom terminology's name: the glossary's version is part of it. */
    public String terminologyName() {
        return terminologyName;
    }

    /**
     * The glossary's fixed words as the terminology file Translate imports: CSV with an {@code en,ja} header, a row a
     * word, quoted where a field needs it.
     */
    public String terminologyCsv() {
        StringBuilder csv = new StringBuilder("en,ja\n");
        for (Glossary.Entry term : glossary.terms()) {
            csv.append(csvField(term.english())).append(',').append(csvField(term.japanese())).append('\n');
        }
        return csv.toString();
    }

    /**
     * Whether the translations can use the terminology: it is looked for once (GetTerminology), and imported when
     * Translate does not have it. A failure is remembered, and this instance translates without it; a later one (a new
     * container) tries again.
     */
    public synchronized boolean ensureTerminology(Budget budget) {
        if (terminology == null) {
            try {
                lookUpOrImport(budget);
                terminology = true;
            } catch (AwsClients.BudgetSpentException nothingAsked) {
                return false; // the next translation, with time left, looks for it
            } catch (RuntimeException e) {
                terminologyFailure = failure("could not provide the terminology " + terminologyName, e);
                terminology = false;
            }
        }
        return terminology;
    }

    /** Why the terminology is not used, once {@link #ensureTerminology} found it could not be. */
    public synchronized Optional<TranslationException> terminologyFailure() {
        return Optional.ofNullable(terminologyFailure);
    }

    private synchronized void stopUsingTerminology(TranslationException why) {
        terminology = false;
        terminologyFailure = why;
    }

    private synchronized boolean usesTerminology() {
        return Boolean.TRUE.equals(terminology);
    }

    private void lookUpOrImport(Budget budget) {
        try {
            clients.translate().getTerminology(r -> r.name(terminologyName)
                    .terminologyDataFormat(TerminologyDataFormat.CSV)
                    .overrideConfiguration(AwsClients.within(budget)));
        } catch (ResourceNotFoundException missing) {
            clients.translate().importTerminology(r -> r.name(terminologyName)
                    .mergeStrategy(MergeStrategy.OVERWRITE)
                    .description("Shirase: the style guide's fixed words for AWS maintenance notices, glossary "
                            + glossary.version())
                    .terminologyData(d -> d.file(SdkBytes.fromString(terminologyCsv(), StandardCharsets.UTF_8))
                            .format(TerminologyDataFormat.CSV)
                            .directionality(Directionality.UNI))
                    .overrideConfiguration(AwsClients.within(budget)));
        }
    }

    @Override
    public String translate(String paragraph, List<String> mustKeep, Budget budget) {
        List<Piece> pieces = pieces(paragraph, mustKeep, Chunks.TRANSLATE_MAX_BYTES);
        if (pieces.isEmpty()) {
            return "";
        }
        ensureTerminology(budget.share(TERMINOLOGY_SHARE, TERMINOLOGY_AT_MOST));
        StringBuilder japanese = new StringBuilder();
        for (Piece piece : pieces) {
            japanese.append(NoTranslateMarkup.unwrap(send(piece.html(), budget))).append(piece.after());
        }
        return japanese.toString();
    }

    /** One request's text (HTML) and the whitespace that followed its English. */
    record Piece(String html, String after) {
    }

    /**
     * {@code text} in pieces whose HTML each fits in {@code maxBytes}. A text too long is cut as {@link Chunks} cuts,
     * but not at a space inside a date or time it must keep, into pieces as long as its HTML leaves room for (escapes
     * and span tags take some); a piece that still outgrows the limit as HTML is cut again the same way.
     */
    static List<Piece> pieces(String text, List<String> mustKeep, int maxBytes) {
        List<Piece> pieces = new ArrayList<>();
        cut(text, "", mustKeep, maxBytes, pieces);
        return pieces;
    }

    private static void cut(String text, String after, List<String> mustKeep, int maxBytes, List<Piece> pieces) {
        String html = NoTranslateMarkup.wrap(text, TranslationCheck.protectedSpans(text, mustKeep));
        int htmlBytes = Chunks.bytes(html);
        if (htmlBytes <= maxBytes) {
            if (!text.isBlank()) {
                pieces.add(new Piece(html, after));
            }
            return;
        }
        int textBytes = Chunks.bytes(text);
        // Each piece smaller than the whole, so that cutting again always ends.
        int pieceBytes = (int) Math.min((long) textBytes * maxBytes / htmlBytes, textBytes - 1);
        if (pieceBytes < SMALLEST_PIECE) {
            throw new TranslationException(Kind.FAILED, "a piece of the text does not fit in one Amazon Translate "
                    + "request as HTML: " + htmlBytes + " bytes");
        }
        List<Chunk> chunks = chunks(text, mustKeep, pieceBytes);
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            cut(chunk.text(), i == chunks.size() - 1 ? chunk.after() + after : chunk.after(), mustKeep, maxBytes, pieces);
        }
    }

    /**
     * {@link Chunks#of} with the whitespace inside protected spans hidden from it, so that {@code March 1, 2027} is
     * never cut apart; the pieces are then read back from {@code text}, as Chunks keeps every character in order.
     */
    private static List<Chunk> chunks(String text, List<String> mustKeep, int maxBytes) {
        char[] masked = text.toCharArray();
        for (Span span : TranslationCheck.protectedSpans(text, mustKeep)) {
            for (int i = span.start(); i < span.end(); i++) {
                if (Character.isWhitespace(masked[i])) {
                    masked[i] = '\0'; // one byte, as the space it hides, and no break to Chunks
                }
            }
        }
        List<Chunk> chunks = new ArrayList<>();
        int at = text.length() - text.stripLeading().length();
        for (Chunk chunk : Chunks.of(new String(masked), maxBytes)) {
            int textEnd = at + chunk.text().length();
            int afterEnd = textEnd + chunk.after().length();
            chunks.add(new Chunk(text.substring(at, textEnd), text.substring(textEnd, afterEnd)));
            at = afterEnd;
        }
        return chunks;
    }

    /** One TranslateText request, with the terminology while Translate has it. */
    private String send(String html, Budget budget) {
        boolean withTerminology = usesTerminology();
        Attempts attempts = new Attempts();
        try {
            return clients.translate().translateText(request(html, withTerminology, budget, attempts)).translatedText();
        } catch (ResourceNotFoundException gone) {
            if (!withTerminology) {
                throw failure("did not translate", gone);
            }
            // The terminology was deleted since it was looked for: this and every later request go without it.
            stopUsingTerminology(failure("no longer has the terminology " + terminologyName, gone));
            return send(html, budget);
        } catch (RuntimeException e) {
            TranslationException failure = failure("did not translate", e);
            if (failure.kind() == Kind.TIMED_OUT && attempts.throttled()) {
                // The budget ended while the SDK waited to retry: refused for the rate, not slow.
                throw new TranslationException(Kind.THROTTLED, "Amazon Translate throttled the translation until its "
                        + "time ran out (" + attempts.count() + " attempts)", e);
            }
            throw failure;
        }
    }

    private TranslateTextRequest request(String html, boolean withTerminology, Budget budget, Attempts attempts) {
        TranslateTextRequest.Builder request = TranslateTextRequest.builder()
                .text(html)
                .sourceLanguageCode("en")
                .targetLanguageCode("ja")
                .settings(s -> s.formality(Formality.FORMAL))
                .overrideConfiguration(AwsClients.within(budget).andThen(o -> o.addMetricPublisher(attempts)));
        if (withTerminology) {
            request.terminologyNames(terminologyName);
        }
        return request.build();
    }

    /** {@code e} (the SDK's, or the budget's) as the kind of failure the notice names, with AWS's error code. */
    static TranslationException failure(String what, RuntimeException e) {
        return new TranslationException(kind(e), "Amazon Translate " + what + ": " + AwsClients.errorWords(e), e);
    }

    static Kind kind(Throwable failure) {
        return TranslationException.kindOf(failure);
    }

    /**
     * How the attempts of one call ended, from the metrics the SDK publishes for it before the call returns or throws:
     * a call cut short by its budget says nothing of the throttling that made it wait.
     */
    private static final class Attempts implements MetricPublisher {
        private static final String THROTTLING = "Throttling";
        private static final String TIMEOUT = "ConfiguredTimeout";
        private volatile List<String> errors = List.of();

        @Override
        public void publish(MetricCollection call) {
            errors = call.children().stream().filter(attempt -> attempt.name().equals("ApiCallAttempt"))
                    .map(attempt -> attempt.metricValues(CoreMetric.ERROR_TYPE).stream().findFirst().orElse(""))
                    .toList();
        }

        /** Whether the last attempt that got an answer was refused for the rate (the one cut short got none). */
        boolean throttled() {
            List<String> answered = errors.stream().filter(error -> !error.equals(TIMEOUT)).toList();
            return !answered.isEmpty() && answered.getLast().equals(THROTTLING);
        }

        int count() {
            return errors.size();
        }

        @Override
        public void close() {
        }
    }

    /** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
    private static String csvField(String field) {
        return field.matches("(?s).*[,\"\\r\\n].*") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
