package dev.shirase.render;

import dev.shirase.advice.Platform;
import dev.shirase.classify.AnalysedText;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.Deadline;
import dev.shirase.notice.Jst;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Origin;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When a change happens, as the reader should understand it. AWS's managed databases apply a scheduled change "during
 * your maintenance window on or after" a date: the event's start time is then a date, not the moment of the outage,
 * and saying {@code 09:00 JST} would tell the reader a Monday-morning outage that AWS never announced.
 *
 * @param deadline    the notice's deadline, or null
 * @param inWindow    true when AWS acts in the first maintenance window on or after the deadline's date
 * @param windowStart per database whose window is known, the first opening on or after that date, in JST
 */
record Timing(Deadline deadline, boolean inWindow, List<Opening> windowStart) {

    /** A database's first window on or after the date: {@code 2026年12月14日(月) 03:00〜03:30 JST}. */
    record Opening(String database, String window) {
    }

    /** Platforms with a weekly maintenance window in which AWS applies what it schedules. */
    private static final Set<Platform> WINDOWED = EnumSet.of(Platform.RDS, Platform.AURORA,
            Platform.AURORA_SERVERLESS, Platform.DOCUMENTDB, Platform.NEPTUNE, Platform.ELASTICACHE, Platform.REDSHIFT);
    private static final Pattern MAINTENANCE_WINDOW = Pattern.compile("maintenance window");

    static Timing of(Notice notice, Platform platform) {
        Deadline d = notice.deadline();
        if (d == null) {
            return new Timing(null, false, List.of());
        }
        boolean inWindow = d.kind() == Deadline.Kind.AUTO_APPLY_FROM
                || (d.kind() == Deadline.Kind.SCHEDULED_START && notice.announcement().origin() == Origin.HEALTH_EVENT
                        && WINDOWED.contains(platform)
                        && MAINTENANCE_WINDOW.matcher(AnalysedText.of(notice.announcement().description()).lower()).find());
        if (!inWindow) {
            return new Timing(d, false, List.of());
        }
        List<Opening> openings = new ArrayList<>();
        for (DatabaseState db : notice.databases()) {
            if (db.window() != null) {
                Instant open = db.window().firstOpeningAtOrAfter(d.at());
                ZonedDateTime end = open.plus(db.window().length()).atZone(Jst.ZONE);
                openings.add(new Opening(Shorten.id(db.id()), Jst.dateTime(open).replace(" JST", "")
                        + String.format(Locale.ROOT, "〜%02d:%02d JST", end.getHour(), end.getMinute())));
            }
        }
        return new Timing(d, true, openings);
    }

    /** The deadline as a date, or a date and time when AWS gave one ({@link Jst#dateOrDateTime}). */
    String when() {
        return inWindow ? Jst.date(deadline.at()) : Jst.dateOrDateTime(deadline.at());
    }

    /**
     * The deadline as 日時 names it, without the days left: {@code 実施予定: 2026年12月5日(土) 00:00 JST},
     * {@code 標準サポート終了: 2027年2月28日(日)}, {@code 実施: 2026年12月7日(月) 以降の最初のメンテナンスウィンドウ}.
     */
    String line() {
        return label() + ": " + moment();
    }

    /** What the deadline's moment is: {@code 実施予定}, {@code 標準サポート終了}, {@code 実施} in a window. */
    String label() {
        return inWindow && deadline.kind() == Deadline.Kind.SCHEDULED_START ? "実施" : label(deadline.kind());
    }

    /** The moment: {@link #when}, and in a window the first one on or after it. */
    String moment() {
        return when() + (inWindow ? " 以降の最初のメンテナンスウィンドウ" : "");
    }

    /** What 日時 calls the moment of a deadline of this kind. */
    static String label(Deadline.Kind kind) {
        return switch (kind) {
            case SCHEDULED_START -> "実施予定";
            case AUTO_APPLY_FROM -> "自動適用開始";
            case FORCED_APPLY -> "強制適用";
            case END_OF_SUPPORT -> "標準サポート終了";
            case ACT_BY -> "期限";
        };
    }

    /** {@code 12/7(月) 以降の最初のメンテナンスウィンドウ}, for the subject. */
    String shortWindow(Instant now) {
        return Jst.shortDate(deadline.at(), now) + " 以降の最初のメンテナンスウィンドウ";
    }
}
