package dev.shirase.translate;

import dev.shirase.render.Utf8;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text cut into pieces a translation request takes (Amazon Translate's TranslateText takes at most 10,000 bytes of
 * UTF-8), where a reader would pause: between paragraphs first, then between sentences, then between words, and only
 * when a single word is longer than a piece, between characters. Each piece keeps the whitespace that followed it, so
 * the translated pieces can be put back together the way the original was.
 */
public final class Chunks {
    /** Amazon Translate's limit on one TranslateText request's text. */
    public static final int TRANSLATE_MAX_BYTES = 10_000;
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n\\s*");
    private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?])\\s+|\\n\\s*");
    private static final Pattern WORD_BREAK = Pattern.compile("\\s+");

    /**
     * One piece: its text, without the whitespace around it, and the whitespace that followed it in the original
     * (empty for the last, and where a word had to be cut).
     */
    public record Chunk(String text, String after) {
    }

    private Chunks() {
    }

    /**
     * The pieces of {@code text}, in order, each at most {@code maxBytes} of UTF-8, as few as the breaks allow; the
     * original is their texts, each followed by its {@code after}, less its leading whitespace.
     */
    public static List<Chunk> of(String text, int maxBytes) {
        if (maxBytes < 4) {
            throw new IllegalArgumentException("a piece must hold any character: " + maxBytes);
        }
        List<Chunk> pieces = new ArrayList<>();
        for (Chunk paragraph : split(text.stripLeading(), PARAGRAPH_BREAK)) {
            if (bytes(paragraph.text()) <= maxBytes) {
                pieces.add(paragraph);
            } else {
                pieces.addAll(fit(paragraph, maxBytes));
            }
        }
        return merge(pieces, maxBytes);
    }

    /**
     * The paragraphs of {@code text} (parted by blank lines), each stripped of the whitespace around it, its own line
     * breaks kept: the unit that is translated, checked, remembered and, when it fails, left out.
     */
    public static List<String> paragraphs(String text) {
        return split(text.strip(), PARAGRAPH_BREAK).stream().map(chunk -> chunk.text().strip())
                .filter(paragraph -> !paragraph.isEmpty()).toList();
    }

    /** A paragraph too long for one piece, in sentences, words or, at worst, characters. */
    private static List<Chunk> fit(Chunk paragraph, int maxBytes) {
        List<Chunk> pieces = new ArrayList<>();
        List<Chunk> sentences = split(paragraph.text(), SENTENCE_BREAK);
        for (int i = 0; i < sentences.size(); i++) {
            Chunk sentence = sentences.get(i);
            String after = i == sentences.size() - 1 ? paragraph.after() : sentence.after();
            if (bytes(sentence.text()) <= maxBytes) {
                pieces.add(new Chunk(sentence.text(), after));
                continue;
            }
            List<Chunk> words = split(sentence.text(), WORD_BREAK);
            for (int j = 0; j < words.size(); j++) {
                Chunk word = words.get(j);
                String wordAfter = j == words.size() - 1 ? after : word.after();
                if (bytes(word.text()) <= maxBytes) {
                    pieces.add(new Chunk(word.text(), wordAfter));
                } else {
                    pieces.addAll(cut(word.text(), wordAfter, maxBytes));
                }
            }
        }
        return pieces;
    }

    /** A word longer than a piece, cut between characters (never inside one). */
    private static List<Chunk> cut(String word, String after, int maxBytes) {
        List<Chunk> pieces = new ArrayList<>();
        String rest = word;
        while (bytes(rest) > maxBytes) {
            String piece = Utf8.truncate(rest, maxBytes);
            pieces.add(new Chunk(piece, ""));
            rest = rest.substring(piece.length());
        }
        pieces.add(new Chunk(rest, after));
        return pieces;
    }

    /** Consecutive pieces joined, with what separated them, as long as the result fits. */
    private static List<Chunk> merge(List<Chunk> pieces, int maxBytes) {
        List<Chunk> merged = new ArrayList<>();
        for (Chunk piece : pieces) {
            if (!merged.isEmpty()) {
                Chunk last = merged.get(merged.size() - 1);
                String joined = last.text() + last.after() + piece.text();
                if (!last.after().isEmpty() && bytes(joined) <= maxBytes) {
                    merged.set(merged.size() - 1, new Chunk(joined, piece.after()));
                    continue;
                }
            }
            merged.add(piece);
        }
        return merged;
    }

    private static List<Chunk> split(String text, Pattern breaks) {
        List<Chunk> parts = new ArrayList<>();
        Matcher m = breaks.matcher(text);
        int start = 0;
        while (m.find()) {
            if (m.start() > start) {
                parts.add(new Chunk(text.substring(start, m.start()), m.group()));
            } else if (!parts.isEmpty()) {
                Chunk last = parts.remove(parts.size() - 1);
                parts.add(new Chunk(last.text(), last.after() + m.group()));
            }
            start = m.end();
        }
        if (start < text.length()) {
            parts.add(new Chunk(text.substring(start), ""));
        }
        return parts;
    }

    static int bytes(String text) {
        return Utf8.length(text);
    }
}
