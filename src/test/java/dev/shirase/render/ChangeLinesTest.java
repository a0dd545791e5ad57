package dev.shirase.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.state.Changes;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeLinesTest {
    private static final Instant BEFORE = Instant.parse("2026-12-04T15:00:00Z");
    private static final Instant AFTER = Instant.parse("2026-12-07T00:00:00Z");

    private static Changes changes(List<Instant> start, List<Instant> deadline, List<String> added,
            Map<String, List<String>> other, List<String> paragraphs) {
        return new Changes("upcoming", "open", added, List.of(), other, List.of(), start, List.of(), deadline,
                paragraphs, false, false, Changes.Observation.NONE);
    }

    @Test
    void saysWhatChangedInJapaneseWithDatesInJstAndTheEnglishQuoted() {
        List<String> lines = ChangeLines.of(changes(List.of(BEFORE, AFTER), List.of(), List.of("i-1", "i-2"),
                Map.of("i-3", List.of("PENDING", "IMPAIRED")), List.of("We moved it.\nSorry.")));

        assertThat(lines).containsExactly(
                "ステータス: 予定 → 進行中",
                "対象リソースの追加 (2件): i-1, i-2",
                "状態が変わったリソース (1件): i-3 対応待ち → 影響あり",
                "開始日時が変わりました: 2026年12月5日(土) 00:00 JST → 2026年12月7日(月)",
                "原文に次の段落が加わりました (English):",
                "> We moved it.\n> Sorry.");
    }

    @Test
    void aDeadlineThatIsTheStartIsSaidOnceAndANewDateIsSaidAsNew() {
        assertThat(ChangeLines.of(changes(List.of(BEFORE, AFTER), List.of(BEFORE, AFTER), List.of(), Map.of(),
                List.of()))).noneMatch(line -> line.startsWith("期限"));
        assertThat(ChangeLines.of(changes(List.of(), Arrays.asList(null, AFTER), List.of(), Map.of(), List.of())))
                .contains("期限が示されました: 2026年12月7日(月)");
    }

    @Test
    void longListsAreCountedNotCut() {
        List<String> many = java.util.stream.IntStream.range(0, 25).mapToObj(i -> "db-" + i).toList();

        assertThat(ChangeLines.of(changes(List.of(), List.of(), many, Map.of(), List.of())))
                .anySatisfy(line -> assertThat(line).startsWith("対象リソースの追加 (25件): db-0, db-1")
                        .endsWith("db-9 ほか15件"));
    }
}
