package dev.shirase.classify;

/**
 * How much of an announcement's English text classification reads. The notice itself still carries the whole text:
 * these limits bound the work and the memory of reading it, whatever the input looks like.
 *
 * @param maxChars how many characters, from the start of the text, are analysed
 * @param maxDates how many stated dates, in the order of the text, are kept
 */
public record TextLimits(int maxChars, int maxDates) {
    /**
     * An EventBridge event is at most 256 KB, so no description it carries is longer than this; only other inputs
     * (a saved file given to the preview, a pending-maintenance description) can be, and they are read no further.
     */
    public static final int MAX_CHARS = 256 * 1024;
    /** A notice states a handful of dates; a few hundred cover a schedule listed per region or per resource. */
    public static final int MAX_DATES = 500;
    public static final TextLimits PRODUCTION = new TextLimits(MAX_CHARS, MAX_DATES);
    /** No limit at all: for measuring that the analysis itself grows linearly with the text. */
    public static final TextLimits NONE = new TextLimits(Integer.MAX_VALUE, Integer.MAX_VALUE);

    public TextLimits {
        if (maxChars < 0 || maxDates < 0) {
            throw new IllegalArgumentException("limits cannot be negative: " + maxChars + ", " + maxDates);
        }
    }
}
