package dev.shirase.testing;

import dev.shirase.classify.TextDates;
import dev.shirase.notice.Announcement;
import dev.shirase.notice.Jst;
import dev.shirase.notice.Schedule;
import dev.shirase.render.NoticeContent;
import dev.shirase.render.RenderedNotice;
import dev.shirase.render.Step;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a native reader would flag in a notice's Japanese part: placeholders, doubled words, parentheses inside
 * parentheses, English outside names, and facts (versions, dates) the event does not hold. The English original, the
 * raw input, links, identifiers and commands are not the Japanese part and are not read.
 */
public final class NoticeLint {

    /** Names and terms kept in Latin letters in Japanese writing: services, engines, protocols, settings. */
    private static final Set<String> NAMES = Set.of(
            "aws", "ec2", "rds", "aurora", "postgresql", "mysql", "mariadb", "oracle", "sql", "server", "db2", "for",
            "elasticache", "opensearch", "service", "msk", "fargate", "ecs", "eks", "lambda", "documentdb", "neptune",
            "redshift", "app", "runner", "health", "jst", "utc", "arn", "id", "cli", "api", "os", "db", "tls", "ca",
            "ebs", "multi-az", "single-az", "auto", "scaling", "serverless", "v2", "kubernetes", "min.insync.replicas",
            "retries", "sigterm", "reboot", "migration", "cloudformation", "sam", "terraform", "ip", "vcpu", "az",
            "amazon", "kafka", "redis", "valkey", "memcached", "sns", "ses", "iam", "vpn", "acm", "ssl", "cpu",
            "describe-pending-maintenance-actions", "q", "developer", "timezone_file_autoupgrade", "cname", "dns", "https",
            "asia/tokyo", "asia", "tokyo", "billing", "direct", "connect", "site-to-site", "elb");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\(null\\)|\\bnull\\b|\\bUNKNOWN\\b|\\bundefined\\b");
    private static final Pattern DOUBLED = Pattern.compile(
            "(?<![\\p{IsAlphabetic}\\d])([A-Za-z]{2,}|\\p{IsKatakana}{3,}|\\p{IsHan}{2,}) ?\\1(?![\\p{IsAlphabetic}\\d])"
                    + "|(\\S{2,}) \\(\\2\\)"
                    + "|(\\p{IsHan}{2})[をがのに]\\3");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9.+_-]*[A-Za-z0-9]");
    private static final Pattern VERSION = Pattern.compile("(?<![\\d.])\\d+\\.\\d+(?:\\.\\d+)*(?![\\d.])");
    private static final Pattern DATE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");

    private NoticeLint() {
    }

    /** The problems found, empty when none. */
    public static List<String> problems(RenderedNotice rendered) {
        NoticeContent c = rendered.content();
        Announcement a = rendered.notice().announcement();
        String raw = a.raw() == null ? "" : a.raw();
        String rawLower = raw.toLowerCase(Locale.ROOT);
        List<String> japanese = japaneseLines(rendered);
        List<String> problems = new ArrayList<>();
        Set<LocalDate> eventDates = eventDates(a);
        for (String line : japanese) {
            find(PLACEHOLDER, line).forEach(p -> problems.add("placeholder '" + p + "' in: " + line));
            find(DOUBLED, line).forEach(p -> problems.add("doubled '" + p + "' in: " + line));
            if (nestedParentheses(line)) {
                problems.add("parentheses inside parentheses in: " + line);
            }
            for (String word : find(LATIN_WORD, line)) {
                String lower = word.toLowerCase(Locale.ROOT);
                if (!NAMES.contains(lower) && !rawLower.contains(lower) && !isId(word)) {
                    problems.add("English '" + word + "' in: " + line);
                }
            }
            for (String version : find(VERSION, line)) {
                if (!raw.contains(version)) {
                    problems.add("version " + version + " not in the event: " + line);
                }
            }
            Matcher date = DATE.matcher(line);
            while (date.find()) {
                LocalDate stated = LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
                        Integer.parseInt(date.group(3)));
                // A window opening may fall up to a week after a stated date.
                boolean known = Stream.iterate(stated, d -> d.minusDays(1)).limit(8).anyMatch(eventDates::contains);
                if (!known) {
                    problems.add("date " + date.group() + " not from the event: " + line);
                }
            }
        }
        problems.addAll(unsupportedNumbers(rendered));
        return problems;
    }

    /** What a notice computes rather than reads: dates, times, days left, counts, pages. */
    private static final Pattern COMPUTED = Pattern.compile(
            "\\d{4}年\\d{1,2}月\\d{1,2}日|\\d{4}/\\d{1,2}/\\d{1,2}|\\d{1,2}/\\d{1,2}|\\d{1,2}:\\d{2}|あと \\d+ 日|\\d+ 日経過"
                    + "|\\d+ ?件|\\d+ ページ|[A-Za-z][\\w.-]*\\d[\\w.-]*");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)*");

    /**
     * Every number that 概要 states, beyond what it computes, is in the event: no figure of its own. (影響 may give
     * AWS's documented figure for the kind, and says so.)
     */
    static List<String> unsupportedNumbers(RenderedNotice rendered) {
        String raw = rendered.notice().announcement().raw() == null ? "" : rendered.notice().announcement().raw();
        List<String> problems = new ArrayList<>();
        List<String> lines = new ArrayList<>(rendered.content().facts());
        lines.add(rendered.content().summary());
        for (String line : lines) {
            String left = COMPUTED.matcher(line).replaceAll(" ");
            for (String number : find(NUMBER, left)) {
                if (!raw.contains(number)) {
                    problems.add("number " + number + " not in the event: " + line);
                }
            }
        }
        return problems;
    }

    /** The Japanese part: subject, summary, classification, resources, dates, impact and the steps' text. */
    static List<String> japaneseLines(RenderedNotice rendered) {
        NoticeContent c = rendered.content();
        List<String> lines = new ArrayList<>();
        lines.add(rendered.subject());
        lines.add(c.summary());
        lines.addAll(c.facts());
        lines.add(c.classification());
        lines.add(c.scope());
        if (c.resourceNote() != null) {
            lines.addAll(c.resourceNote().lines().toList());
        }
        lines.addAll(c.dateLines());
        lines.add(c.impact());
        if (c.downtime() != null) {
            lines.add(c.downtime());
        }
        c.steps().stream().map(Step::text).forEach(lines::add);
        return lines;
    }

    /** Ids and values from the event or an AWS name: words with digits or dashes, like i-0abc or db-upgrade. */
    private static boolean isId(String word) {
        return word.matches(".*\\d.*") && word.matches("[a-z0-9.-]+");
    }

    private static Set<LocalDate> eventDates(Announcement a) {
        Set<LocalDate> dates = new HashSet<>();
        Schedule s = a.schedule();
        Stream.of(s.start(), s.end(), s.lastUpdated(), s.autoApplyAfter(), s.forcedApply())
                .filter(java.util.Objects::nonNull).forEach(t -> dates.add(jstDate(t)));
        TextDates.find(a.description()).forEach(d -> dates.add(jstDate(d.at())));
        return dates;
    }

    private static LocalDate jstDate(Instant t) {
        return t.atZone(Jst.ZONE).toLocalDate();
    }

    private static boolean nestedParentheses(String line) {
        int depth = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '(' || ch == '（') {
                if (++depth > 1) {
                    return true;
                }
            } else if ((ch == ')' || ch == '）') && depth > 0) {
                depth--;
            }
        }
        return false;
    }

    private static List<String> find(Pattern pattern, String line) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(line);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
