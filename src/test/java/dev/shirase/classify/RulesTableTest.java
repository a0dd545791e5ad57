package dev.shirase.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.notice.AffectedResource;
import dev.shirase.notice.Announcement;
import dev.shirase.notice.Category;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Obligation;
import dev.shirase.notice.Origin;
import dev.shirase.notice.Schedule;
import dev.shirase.notice.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Every row of the rules table, against expectations written down separately in rules-expectations.csv. */
class RulesTableTest {
    /** A text that names nothing, so only the code decides. */
    private static final String NEUTRAL = "Details of this notice are available in the console.";
    private final Classifier classifier = new Classifier();

    @ParameterizedTest(name = "{1}")
    @CsvFileSource(resources = "/rules-expectations.csv")
    void eachCodeMeansWhatTheExpectationsSay(Origin origin, String code, Category category, Obligation obligation,
            Stage stage) {
        String concrete = code.startsWith("*") ? "AWS_EXAMPLE" + code.substring(1) : code;

        Notice notice = classifier.classify(announcement(origin, concrete));

        assertThat(notice.category()).as("category").isEqualTo(category);
        assertThat(notice.obligation()).as("obligation").isEqualTo(obligation);
        assertThat(notice.stage()).as("stage").isEqualTo(stage);
        assertThat(notice.rule()).as("rule").startsWith("table: " + code);
        assertThat(notice.title()).isNotBlank();
    }

    @Test
    void everyRowHasAnExpectationAndEveryExpectationARow() throws IOException {
        Set<String> expected;
        try (InputStream in = getClass().getResourceAsStream("/rules-expectations.csv")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(",")[0] + " " + line.split(",")[1])
                    .collect(Collectors.toSet());
        }
        Set<String> rows = RulesTable.RULES.stream().map(r -> r.origin() + " " + r.key()).collect(Collectors.toSet());

        assertThat(rows).isEqualTo(expected);
        assertThat(RulesTable.RULES).hasSize(rows.size()); // no key twice
    }

    @Test
    void titlesReadWellInsideASentenceAndInsideParentheses() {
        // A title is shown as "(title)" and in "AWS は RDS の<title>を予定しています": no qualifier of its own in
        // parentheses, no "予定" to double, and the obligation stays in Obligation, not in the title.
        List<String> titles = new java.util.ArrayList<>(RulesTable.RULES.stream().map(Rule::title).toList());
        RulesTable.WORDS.forEach(w -> titles.add(w.title()));

        assertThat(titles).allSatisfy(title -> assertThat(title)
                .doesNotContain("(", ")", "（", "）", "予定", "適用可能", "必須"));
    }

    @Test
    void exactRowsComeBeforePatterns() {
        assertThat(RulesTable.find(Origin.HEALTH_EVENT, "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED"))
                .hasValueSatisfying(r -> assertThat(r.key()).isEqualTo("AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED"));
        assertThat(RulesTable.find(Origin.HEALTH_EVENT, "AWS_NEWSERVICE_RETIREMENT_SCHEDULED"))
                .hasValueSatisfying(r -> assertThat(r.key()).isEqualTo("*_RETIREMENT_SCHEDULED"));
        assertThat(RulesTable.find(Origin.RDS_EVENT, "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED")).isEmpty();
        assertThat(RulesTable.find(Origin.HEALTH_EVENT, "AWS_SOMETHING_NEW")).isEmpty();
    }

    static Announcement announcement(Origin origin, String code) {
        return new Announcement(origin, "id-1", null, origin == Origin.RDS_EVENT ? "RDS" : "EC2", code,
                origin == Origin.HEALTH_EVENT ? "accountNotification" : null, null, null, "123456789012",
                "ap-northeast-1", List.of(AffectedResource.of("resource-1")), Schedule.NONE, NEUTRAL, null, null, null,
                Map.of(), "{}", null);
    }
}
