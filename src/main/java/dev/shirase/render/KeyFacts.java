package dev.shirase.render;

import dev.shirase.notice.AffectedResource;
import dev.shirase.notice.Category;
import dev.shirase.notice.Jst;
import dev.shirase.notice.Notice;
import java.time.Instant;
import java.util.List;

/**
 * What a reader must see before anything else: how binding the notice is, how many days are left, and which resources
 * where. Values, not sentences: each format lays them out in its own way (the mail's box at the top, the chat's count).
 *
 * @param binding       必須, 任意, 情報, or 未分類 when the rules could not tell
 * @param daysLeft      {@code あと 97 日}, {@code 本日} or {@code 3 日経過} to the deadline, or null without one
 * @param names         the first resources by their human name (an ARN's last part), shortened like every id
 * @param resourceCount how many resources the event names in all
 * @param region        the region with its Japanese name ({@code ap-northeast-1 (東京)})
 */
public record KeyFacts(String binding, String daysLeft, List<String> names, int resourceCount, String region) {

    /** Resources named in the key facts; the body lists them all. */
    static final int NAMED = 3;

    public KeyFacts {
        names = List.copyOf(names);
    }

    static KeyFacts of(Notice notice, Instant now) {
        List<AffectedResource> resources = notice.announcement().resources();
        return new KeyFacts(
                notice.category() == Category.UNCLASSIFIED ? "未分類" : notice.obligation().japanese(),
                notice.deadline() == null ? null : Jst.daysLeft(now, notice.deadline().at()),
                resources.stream().limit(NAMED).map(r -> Shorten.id(Subject.shortName(r.id()))).toList(),
                resources.size(),
                Shorten.id(Regions.describe(notice.announcement().region())));
    }
}
