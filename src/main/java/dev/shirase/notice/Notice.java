package dev.shirase.notice;

import java.util.List;
import java.util.Objects;

/**
 * An announcement with its judgement: what it is, how binding, where it stands and by when. Everything after
 * classification works on this record, whatever the source was.
 *
 * @param announcement the facts as the source stated them
 * @param category     what AWS is going to do
 * @param obligation   how binding it is
 * @param stage        announced, in progress or completed
 * @param deadline     the moment that matters, or null
 * @param title        a short Japanese name for what happens (インスタンス再起動, OS アップデート ...)
 * @param rule         which rule decided the category, for logs and for the reader of the notice
 * @param databases    what is known of the RDS databases named (maintenance window, Multi-AZ, pending actions)
 * @param accountName  the name of the affected account ({@code prod-web}), when one is known; shown beside its id
 */
public record Notice(
        Announcement announcement,
        Category category,
        Obligation obligation,
        Stage stage,
        Deadline deadline,
        String title,
        String rule,
        List<DatabaseState> databases,
        String accountName) {

    public Notice {
        Objects.requireNonNull(announcement, "announcement");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(obligation, "obligation");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(title, "title");
        databases = databases == null ? List.of() : List.copyOf(databases);
        accountName = accountName == null || accountName.isBlank() ? null : accountName;
    }

    /** A notice as classification makes it: no account name yet. */
    public Notice(Announcement announcement, Category category, Obligation obligation, Stage stage, Deadline deadline,
            String title, String rule, List<DatabaseState> databases) {
        this(announcement, category, obligation, stage, deadline, title, rule, databases, null);
    }

    public Notice withDatabases(List<DatabaseState> found) {
        return new Notice(announcement, category, obligation, stage, deadline, title, rule, found, accountName);
    }

    /** This notice with the name of its account ({@code null}: none known). */
    public Notice withAccountName(String name) {
        return new Notice(announcement, category, obligation, stage, deadline, title, rule, databases, name);
    }
}
