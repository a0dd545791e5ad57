package dev.shirase.advice;

import dev.shirase.classify.AnalysedText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an information notice tells, in Japanese: the one fact a reader needs, found by the words AWS uses for it. A
 * notice whose words match no row quotes its opening sentence instead, so it never says less than "see the original".
 */
public final class StatedFacts {

    /** One fact: AWS's words for it, and how we say it. */
    record Fact(Pattern words, String japanese) {
    }

    private static final List<Fact> FACTS = List.of(
            fact("\\bstopped invoking\\b|\\binvocations? (have|has) been (stopped|paused|disabled)",
                    "AWS は対象の関数の呼び出しを止めています。"),
            fact("\\bfunction(s)? (is|are|has been|have been) (disabled|deactivated|set to inactive)|\\binactive state\\b",
                    "対象の関数は無効 (非アクティブ) の状態です。"),
            fact("\\bcertificates?\\b.{0,60}\\bexpir|\\bexpir(es|ing|ation) of (your |the )?certificate",
                    "証明書の有効期限が近づいています。"),
            fact("\\b(could not|cannot|can't|unable to|failed to) (be )?(automatically )?renew|\\brenewal (failed|is pending)",
                    "証明書を自動で更新できていません。"),
            fact("\\b(lost|loss of) (\\w+ )?redundancy|\\bredundancy (loss|lost)|\\bonly one (of (the|your) )?tunnels?"
                    + "|\\bone of (its|the|your) (two )?tunnels (is|went) down",
                    "接続の冗長性が失われています。"),
            fact("\\btime ?zone (file|data)", "タイムゾーンファイルの更新についてのお知らせです。"),
            fact("\\b(volume|data)s?\\b.{0,40}\\b(has been|have been|was|were|is) lost\\b|\\bunrecoverable\\b", "データが失われた可能性があります。"),
            fact("\\b(degraded|impaired|performance degradation)\\b", "対象のリソースで性能の低下または障害が起きています。"),
            fact("\\b(service )?quota\\b.{0,80}\\b(reached|exceed|approach)", "サービスクォータの上限に近づいている、"
                    + "または達しています。"),
            fact("\\binvoice\\b|\\bbilling\\b|\\bcharges? (will )?(appl|increas|begin|start)", "料金・請求に関するお知らせです。"),
            fact("\\bno (further )?action (is )?(required|needed)\\b|\\b(you )?(do not|don't) need to (do|take) anything",
                    "AWS は、対応は不要としています。"));

    /** Facts kept per notice: the first ones matter, more would bury them. */
    private static final int MAX_FACTS = 2;
    /** The quoted opening sentence is cut past this length. */
    private static final int MAX_QUOTE = 200;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s|\\n");

    private StatedFacts() {
    }

    /** The facts the English text states, in Japanese; when none is known, its opening sentence quoted. */
    public static List<String> of(String english) {
        AnalysedText text = AnalysedText.of(english);
        List<String> found = new ArrayList<>();
        for (Fact fact : FACTS) {
            if (found.size() < MAX_FACTS && fact.words().matcher(text.lower()).find()) {
                found.add(fact.japanese());
            }
        }
        if (found.isEmpty()) {
            String opening = opening(text.original());
            if (!opening.isEmpty()) {
                found.add("原文の冒頭: 「" + opening + "」");
            }
        }
        return found;
    }

    /** The first sentence that says something, skipping a greeting ("Hello,"). */
    private static String opening(String text) {
        for (String sentence : SENTENCE_END.split(text.strip(), 6)) {
            String s = sentence.strip();
            if (s.length() > 12) {
                return s.length() > MAX_QUOTE ? s.substring(0, MAX_QUOTE) + "…" : s;
            }
        }
        return "";
    }

    private static Fact fact(String regex, String japanese) {
        return new Fact(Pattern.compile(regex), japanese);
    }
}
