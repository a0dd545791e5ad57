package dev.shirase.translate;

import dev.shirase.state.Hashes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The style guide's words for translating AWS's English ({@code translate/glossary.tsv}): what both translators are
 * told, so that a machine translation says メンテナンスウィンドウ where our own notice does.
 *
 * @param entries every word, in the file's order
 */
public record Glossary(List<Entry> entries) {
    static final String RESOURCE = "/translate/glossary.tsv";

    /**
     * One word.
     *
     * @param english  as AWS writes it
     * @param japanese as the style guide writes it
     * @param fixed    a noun phrase that is always put this way (Amazon Translate's custom terminology); otherwise its
     *                 Japanese depends on the sentence, and only Bedrock's prompt carries it
     * @param note     when it applies, or null
     */
    public record Entry(String english, String japanese, boolean fixed, String note) {
    }

    public Glossary {
        entries = List.copyOf(entries);
    }

    /** The glossary the product ships. */
    public static Glossary bundled() {
        try (InputStream in = Glossary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the package");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Glossary parse(String tsv) {
        List<Entry> entries = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length < 3 || !(cells[2].equals("term") || cells[2].equals("prompt"))) {
                throw new IllegalArgumentException("a glossary line is english<TAB>japanese<TAB>term|prompt[<TAB>note]: "
                        + line);
            }
            entries.add(new Entry(cells[0].strip(), cells[1].strip(), cells[2].equals("term"),
                    cells.length > 3 && !cells[3].isBlank() ? cells[3].strip() : null));
        }
        return new Glossary(entries);
    }

    /** The fixed noun phrases: Amazon Translate's custom terminology. */
    public List<Entry> terms() {
        return entries.stream().filter(Entry::fixed).toList();
    }

    /** Changes whenever an entry does: part of every cache key and of the terminology's name. */
    public String version() {
        StringBuilder lines = new StringBuilder();
        for (Entry e : entries) {
            lines.append(e.english()).append('\t').append(e.japanese()).append('\t').append(e.fixed()).append('\t')
                    .append(e.note()).append('\n');
        }
        return Hashes.sha256(lines.toString(), 6);
    }
}
