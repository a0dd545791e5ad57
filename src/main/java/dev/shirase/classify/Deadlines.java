package dev.shirase.classify;

import dev.shirase.classify.TextDates.StatedDate;
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
import java.util.regex.Pattern;

/** The moment that matters: a scheduled start, an automatic-apply date, or a date the English text states. */
final class Deadlines {
    private static final Pattern AUTOMATIC = Pattern.compile("automatic");
    /** End of support, but not a third party's ("the PostgreSQL community will discontinue support ..."). */
    private static final Pattern SUPPORT = Pattern.compile("^(?!.*\\bcommunity\\b).*(support|end of life|end-of-life)");
    private static final Pattern ACT_BY = Pattern.compile("\\b(before|by|until|no later than|prior to|deadline)\\b");
    private static final Pattern WILL_ACT = Pattern.compile(
            "\\b(beginning|starting|on or after|from)\\b.*\\bwill\\b|\\bwill\\b.*\\b(upgrade|update|apply|reboot|restart|retire|stop|terminate|replace|patch)");

    private Deadlines() {
    }

    static Deadline find(Announcement a, Category category) {
        Schedule s = a.schedule();
        if (a.origin() == Origin.PENDING_MAINTENANCE) {
            return pendingMaintenance(s);
        }
        if ("scheduledChange".equals(a.eventCategory()) && s.start() != null) {
            return new Deadline(s.start(),
                    category == Category.END_OF_SUPPORT ? Deadline.Kind.END_OF_SUPPORT : Deadline.Kind.SCHEDULED_START);
        }
        return fromText(a, category).orElse(null);
    }

    /** The first window after the auto-apply date (in {@code start}) or the forced date, whichever is earlier. */
    private static Deadline pendingMaintenance(Schedule s) {
        Instant planned = s.start();
        if (s.forcedApply() != null && (planned == null || !s.forcedApply().isAfter(planned))) {
            return new Deadline(s.forcedApply(), Deadline.Kind.FORCED_APPLY);
        }
        if (planned != null) {
            return new Deadline(planned, Deadline.Kind.SCHEDULED_START);
        }
        return s.autoApplyAfter() == null ? null : new Deadline(s.autoApplyAfter(), Deadline.Kind.AUTO_APPLY_FROM);
    }

    private static Optional<Deadline> fromText(Announcement a, Category category) {
        Instant reference = a.schedule().lastUpdated() != null ? a.schedule().lastUpdated() : a.schedule().start();
        // Dates before the event was written tell history ("In July 2026 we notified ..."), not a deadline.
        Instant earliestUseful = reference == null ? Instant.MIN : reference.minus(Duration.ofDays(1));
        List<StatedDate> dates = TextDates.find(a.description()).stream()
                .filter(d -> !d.at().isBefore(earliestUseful)).toList();
        return earliest(dates, sentence(AUTOMATIC), Deadline.Kind.AUTO_APPLY_FROM)
                .or(() -> earliest(dates, sentence(RulesTable.AWS_WILL_ACT), Deadline.Kind.SCHEDULED_START))
                .or(() -> category == Category.END_OF_SUPPORT
                        ? earliest(dates, sentence(SUPPORT), Deadline.Kind.END_OF_SUPPORT) : Optional.empty())
                .or(() -> earliest(dates, sentence(ACT_BY), Deadline.Kind.ACT_BY))
                .or(() -> earliest(dates, sentence(WILL_ACT), Deadline.Kind.SCHEDULED_START));
    }

    private static Predicate<StatedDate> sentence(Pattern words) {
        return d -> words.matcher(d.sentence().toLowerCase(Locale.ROOT)).find();
    }

    private static Optional<Deadline> earliest(List<StatedDate> dates, Predicate<StatedDate> which, Deadline.Kind kind) {
        return dates.stream().filter(which).map(StatedDate::at).min(Comparator.naturalOrder())
                .map(at -> new Deadline(at, kind));
    }
}
