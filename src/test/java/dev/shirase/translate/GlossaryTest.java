package dev.shirase.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shirase.translate.Glossary.Entry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GlossaryTest {
    /** The style guide's table of words, beside the project as CI has it. */
    private static final Path STYLE_GUIDE = Path.of("..", "shared", "japanese-style.md");
    private static final Pattern ROW = Pattern.compile("^\\| ([^|]+?) \\| ([^|]+?) \\|$", Pattern.MULTILINE);

    /** The table's English and Japanese, each cell's alternatives ({@code a / b}) paired, parentheses dropped. */
    private static List<String[]> styleGuideWords() throws IOException {
        String guide = Files.readString(STYLE_GUIDE, StandardCharsets.UTF_8);
        String words = guide.substring(guide.indexOf("## Words"));
        words = words.substring(0, words.indexOf("\n## ", 1));
        List<String[]> pairs = new ArrayList<>();
        Matcher row = ROW.matcher(words);
        while (row.find()) {
            if (row.group(1).equals("English") || row.group(1).startsWith("---")) {
                continue;
            }
            String[] english = row.group(1).replaceAll("\\s*\\(.*?\\)", "").split(" / ");
            String[] japanese = row.group(2).replaceAll("\\s*\\(.*?\\)", "").split(" / ");
            for (int i = 0; i < english.length; i++) {
                pairs.add(new String[] {english[i].strip(), japanese[Math.min(i, japanese.length - 1)].strip()});
            }
        }
        return pairs;
    }

    @Test
    void everyWordOfTheStyleGuideIsInTheGlossaryWithOneOfItsJapaneseForms() throws IOException {
        Glossary glossary = Glossary.bundled();
        List<String[]> words = styleGuideWords();
        assertThat(words).as("the style guide's table was read").hasSizeGreaterThan(10);
        for (String[] word : words) {
            Entry entry = glossary.entries().stream().filter(e -> e.english().equalsIgnoreCase(word[0])).findFirst()
                    .orElseThrow(() -> new AssertionError("the glossary lacks the style guide's \"" + word[0] + "\""));
            String guide = Files.readString(STYLE_GUIDE, StandardCharsets.UTF_8);
            assertThat(guide).as(word[0]).contains(entry.japanese().replaceAll("\\s*\\(.*?\\)", ""));
        }
    }

    @Test
    void fixedTermsAreNounPhrasesAmazonTranslateTakes() {
        for (Entry term : Glossary.bundled().terms()) {
            assertThat(term.english().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200);
            assertThat(term.japanese().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200);
            assertThat(term.english()).doesNotContain(",", "\"");
        }
        assertThat(Glossary.bundled().terms()).extracting(Entry::english)
                .contains("maintenance window", "end of standard support").doesNotContain("available", "required");
    }

    @Test
    void theVersionChangesWithAnyEntry() {
        Glossary one = Glossary.parse("maintenance window\tメンテナンスウィンドウ\tterm\n");
        Glossary other = Glossary.parse("maintenance window\tメンテナンス時間帯\tterm\n");
        assertThat(one.version()).isNotEqualTo(other.version()).hasSize(12);
        assertThat(one.version()).isEqualTo(Glossary.parse("# comment\nmaintenance window\tメンテナンスウィンドウ\tterm\n")
                .version());
    }

    @Test
    void aMalformedLineIsRefused() {
        assertThatThrownBy(() -> Glossary.parse("maintenance window,メンテナンスウィンドウ\n"))
                .hasMessageContaining("english<TAB>japanese");
    }
}
