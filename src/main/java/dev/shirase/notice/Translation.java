package dev.shirase.notice;

import java.util.List;
import java.util.Objects;

/**
 * A machine translation of the notice's English original, paragraph by paragraph, as far as it could be made and
 * trusted. A paragraph whose translation lost a number, version, date, id or URL of the original is not shown; nor is
 * one no service translated in time.
 *
 * @param paragraphs each paragraph of the original, in order
 * @param by         the services whose translations are shown ({@code Amazon Translate}); empty when none is
 */
public record Translation(List<Paragraph> paragraphs, List<String> by) {
    /**
     * Characters of English translated per notice at most: AWS's descriptions run to a few thousand; an input of
     * megabytes (a hostile or broken event) would otherwise cost dollars per notice. Paragraphs past it are left out.
     */
    public static final int MAX_CHARACTERS = 30_000;
    /**
     * Paragraphs translated per notice at most: AWS's descriptions have a handful; thousands of tiny ones (a hostile
     * input) would each be a request and a line of the notice.
     */
    public static final int MAX_PARAGRAPHS = 50;

    /** Why a paragraph is shown without its translation. */
    public enum Gap {
        /** The translation lost or changed something of the original ({@link Paragraph#lost}). */
        UNFAITHFUL,
        /** The service may not be called (IAM, model access). */
        DENIED,
        /** The service refused the rate of requests. */
        THROTTLED,
        /** The translation's share of the invocation's time ran out. */
        TIMED_OUT,
        /** Any other failure of the service. */
        FAILED,
        /**
         * Past the most English a notice has translated ({@link #MAX_CHARACTERS}, {@link #MAX_PARAGRAPHS}): a cap on
         * cost and length against huge inputs. Every paragraph after the first so marked is marked too.
         */
        TOO_LONG
    }

    /**
     * One paragraph.
     *
     * @param english  as AWS wrote it
     * @param japanese its translation, or null when it is not shown
     * @param gap      why it is not shown, or null when it is
     * @param lost     for {@link Gap#UNFAITHFUL}: what of the original the translation lacked
     */
    public record Paragraph(String english, String japanese, Gap gap, List<String> lost) {
        public Paragraph {
            Objects.requireNonNull(english, "english");
            if ((japanese == null) == (gap == null)) {
                throw new IllegalArgumentException("a paragraph has either its translation or the reason it has none");
            }
            lost = lost == null ? List.of() : List.copyOf(lost);
        }

        public static Paragraph translated(String english, String japanese) {
            return new Paragraph(english, japanese, null, List.of());
        }

        public static Paragraph missing(String english, Gap gap, List<String> lost) {
            return new Paragraph(english, null, gap, lost);
        }
    }

    public Translation {
        paragraphs = List.copyOf(paragraphs);
        by = List.copyOf(by);
    }

    /**
     * Whether any paragraph's translation is shown. A paragraph that reads the same in Japanese (a list of links, an id
     * alone) does not count: shown alone, it would be no translation at all.
     */
    public boolean anyShown() {
        return paragraphs.stream().anyMatch(p -> p.japanese() != null && !p.japanese().equals(p.english()));
    }

    /** Whether every paragraph's translation is shown. */
    public boolean complete() {
        return paragraphs.stream().allMatch(p -> p.japanese() != null);
    }
}
