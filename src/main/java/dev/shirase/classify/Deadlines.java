package dev.shirase.classify;

import dev.shirase.notice.Announcement;
import dev.shirase.notice.Category;
import dev.shirase.notice.Deadline;
import dev.shirase.notice.Origin;
import dev.shirase.notice.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The moment that matters: a scheduled start, an automatic-apply date, or a date the English text states. */
final class Deadlines {
    private static final Pattern AUTOMATIC = Pattern.compile("automatic");
    /** End of support, but not a third party's ("the PostgreSQL community will discontinue support ..."). */
    private static final Pattern SUPPORT = Pattern.compile("^(?!.*\\bcommunity\\b).*(support|end of life|end-of-life)");
    private static final Pattern ACT_BY = Pattern.compile("\\b(before|by|until|no later than|prior to|deadline)\\b");
    /** "Beginning March 3, 2027, ... will": a start, then "will" later in the sentence. */
    private static final Pattern STARTING = Pattern.compile("\\b(beginning|starting|on or after|from)\\b");
    private static final Pattern WILL = Pattern.compile("\\bwill\\b");
    /** "... will ... upgrade": "will", then an action later in the sentence. */
    private static final Pattern ACTION =
            Pattern.compile("\\b(upgrade|update|apply|reboot|restart|retire|stop|terminate|replace|patch)");

    private Deadlines() {
    }

    /** The deadline; {@code text} is the description as the classifier read it, {@code maxDates} how many to read. */
    static Deadline find(Announcement a, Category category, AnalysedText text, int maxDates) {
        Schedule s = a.schedule();
        if (a.origin() == Origin.PENDING_MAINTENANCE) {
            return pendingMaintenance(s);
        }
        if ("scheduledChange".equals(a.eventCategory()) && s.start() != null) {
            return new Deadline(s.start(),
                    category == Category.END_OF_SUPPORT ? Deadline.Kind.END_OF_SUPPORT : Deadline.Kind.SCHEDULED_START);
        }
        return fromText(a, category, text, maxDates).orElse(null);
    }

    /**
     * The first window after the auto-apply date (in {@code start}) or the forced date, whichever is earlier. With the
     * window unknown, the auto-apply date stands in for it: a later forced date must not hide an earlier automatic one.
     */
    private static Deadline pendingMaintenance(Schedule s) {
        Deadline planned = s.start() != null ? new Deadline(s.start(), Deadline.Kind.SCHEDULED_START)
                : s.autoApplyAfter() != null ? new Deadline(s.autoApplyAfter(), Deadline.Kind.AUTO_APPLY_FROM)
                : null;
        if (s.forcedApply() != null && (planned == null || !s.forcedApply().isAfter(planned.at()))) {
            return new Deadline(s.forcedApply(), Deadline.Kind.FORCED_APPLY);
        }
        return planned;
    }

    private static Optional<Deadline> fromText(Announcement a, Category category, AnalysedText text, int maxDates) {
        Instant reference = a.schedule().lastUpdated() != null ? a.schedule().lastUpdated() : a.schedule().start();
        // Dates before the event was written tell history ("In July 2026 we notified ..."), not a deadline.
        Instant earliestUseful = reference == null ? Instant.MIN : reference.minus(Duration.ofDays(1));
        List<DateInWords> dates = TextDates.find(text, maxDates).stream()
                .filter(d -> !d.at().isBefore(earliestUseful))
                .map(d -> new DateInWords(d.at(), d.sentence().toLowerCase(Locale.ROOT))).toList();
        return earliest(dates, saying(AUTOMATIC), Deadline.Kind.AUTO_APPLY_FROM)
                .or(() -> earliest(dates, saying(RulesTable.AWS_WILL_ACT), Deadline.Kind.SCHEDULED_START))
                .or(() -> category == Category.END_OF_SUPPORT
                        ? earliest(dates, saying(SUPPORT), Deadline.Kind.END_OF_SUPPORT) : Optional.empty())
                .or(() -> earliest(dates, saying(ACT_BY), Deadline.Kind.ACT_BY))
                .or(() -> earliest(dates, Deadlines::willAct, Deadline.Kind.SCHEDULED_START));
    }

    /** A stated date and its sentence, lower-cased once for all the patterns that read it. */
    private record DateInWords(Instant at, String sentence) {
    }

    private static Predicate<DateInWords> saying(Pattern words) {
        return d -> words.matcher(d.sentence()).find();
    }

    /**
     * A start and then "will", or "will" and then an action, in the date's sentence. Two searches from left to right
     * rather than one pattern with {@code .*} between the words, which would scan the rest of the sentence again
     * from every start word.
     */
    private static boolean willAct(DateInWords date) {
        return inOrder(date.sentence(), STARTING, WILL) || inOrder(date.sentence(), WILL, ACTION);
    }

    private static boolean inOrder(String sentence, Pattern first, Pattern then) {
        Matcher m = first.matcher(sentence);
        return m.find() && then.matcher(sentence).find(m.end());
    }

    private static Optional<Deadline> earliest(List<DateInWords> dates, Predicate<DateInWords> which,
            Deadline.Kind kind) {
        return dates.stream().filter(which).map(DateInWords::at).min(Comparator.naturalOrder())
                .map(at -> new Deadline(at, kind));
    }
}
