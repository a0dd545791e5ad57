package dev.shirase.render;

import dev.shirase.notice.Jst;
import dev.shirase.state.Changes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What changed since the previous notice, in Japanese first: the lines an update notice opens with. The English of
 * added paragraphs is quoted as AWS wrote it; the whole text follows under 原文.
 */
final class ChangeLines {
    /** Resources named inline per line; the rest are counted. */
    static final int NAMED = 10;
    private static final Map<String, String> STATUS = Map.of("upcoming", "予定", "open", "進行中", "closed", "終了");

    private ChangeLines() {
    }

    static List<String> of(Changes c) {
        List<String> lines = new ArrayList<>();
        switch (c.observed()) {
            case EC2_EVENT_GONE -> lines.add("EC2 の DescribeInstanceStatus に、対象インスタンスの未完了の予定イベントが"
                    + "なくなりました (再起動・停止と起動・日時の変更などで対応済み、またはインスタンスが終了済み)。完了とみなします");
            case PENDING_ACTION_GONE -> lines.add("RDS の保留中のメンテナンス (DescribePendingMaintenanceActions) の一覧から"
                    + "消えました (適用済み、または AWS が取り下げ)。完了とみなします");
            case NONE -> {
            }
        }
        if (c.statusChanged()) {
            lines.add("ステータス: " + status(c.statusBefore()) + " → " + status(c.statusAfter()));
        }
        if (c.pagesCompleted()) {
            lines.add("分割して届いたイベントの全ページがそろいました。対象リソースは全件を下に示します");
        }
        resources(lines, "対象リソースの追加", c.added());
        resources(lines, "解決済みになったリソース", c.resolved());
        if (!c.otherStatus().isEmpty()) {
            List<String> each = c.otherStatus().entrySet().stream()
                    .map(e -> Shorten.id(e.getKey()) + " " + NoticeContent.entityStatus(e.getValue().get(0)) + " → "
                            + NoticeContent.entityStatus(e.getValue().get(1)))
                    .toList();
            lines.add("状態が変わったリソース (" + each.size() + "件): " + named(each));
        }
        resources(lines, "対象から外れたリソース", c.dropped());
        moved(lines, "開始日時", c.startMoved());
        moved(lines, "終了日時", c.endMoved());
        if (!c.deadlineMoved().equals(c.startMoved()) && !c.deadlineMoved().equals(c.endMoved())) {
            // The deadline is often the start itself: said once.
            moved(lines, "期限", c.deadlineMoved());
        }
        if (!c.newParagraphs().isEmpty()) {
            lines.add("原文に次の段落が加わりました (English):");
            c.newParagraphs().forEach(p -> lines.add("> " + p.strip().replace("\n", "\n> ")));
        }
        if (c.rewritten()) {
            lines.add("原文の文面が変わりました。全文は下の「原文 (English)」を確認してください");
        }
        return lines;
    }

    private static void resources(List<String> lines, String label, List<String> ids) {
        if (!ids.isEmpty()) {
            lines.add(label + " (" + ids.size() + "件): " + named(ids.stream().map(Shorten::id).toList()));
        }
    }

    private static String named(List<String> items) {
        String shown = String.join(", ", items.stream().limit(NAMED).toList());
        return items.size() > NAMED ? shown + " ほか" + (items.size() - NAMED) + "件" : shown;
    }

    private static void moved(List<String> lines, String label, List<Instant> moved) {
        if (moved.isEmpty()) {
            return;
        }
        Instant before = moved.get(0);
        Instant after = moved.get(1);
        if (before == null) {
            lines.add(label + "が示されました: " + Jst.dateOrDateTime(after));
        } else if (after == null) {
            lines.add(label + "の記載がなくなりました (以前: " + Jst.dateOrDateTime(before) + ")");
        } else {
            lines.add(label + "が変わりました: " + Jst.dateOrDateTime(before) + " → " + Jst.dateOrDateTime(after));
        }
    }

    private static String status(String code) {
        return code == null ? "(なし)" : STATUS.getOrDefault(code, Shorten.id(code));
    }
}
