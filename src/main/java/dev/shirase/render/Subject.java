package dev.shirase.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The subject line: {@code 【要対応・必須】RDS セキュリティパッチ test-db ほか2件 12/5(土)まで}, opening with the account's name
 * when one is known ({@code 【要対応・必須】prod-web の RDS ...}): with several accounts, whose system it is comes first.
 * SNS takes fewer than 100 characters with no line breaks or control characters; resources are shortened first, then
 * the account's name, then the title, and the urgency and the deadline are never cut.
 */
public final class Subject {
    /** SNS: "less than 100 characters". */
    public static final int MAX_LENGTH = 99;
    /** An account's name shortened to less than this says too little: the subject goes without it. */
    static final int MIN_ACCOUNT_NAME = 6;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Subject() {
    }

    public static String of(NoticeContent content, List<String> resourceIds) {
        return line((content.update() ? "【更新】" : "") + "【" + content.urgency() + "】", content,
                content.deadlineShort() == null ? "" : clean(content.deadlineShort()), resourceIds);
    }

    /**
     * The subject without the update mark and the date, for a calendar entry, which sits at its date and is moved by an
     * update: {@code 【要対応・必須】RDS セキュリティパッチ test-db ほか2件}.
     */
    static String essentials(NoticeContent content, List<String> resourceIds) {
        return line("【" + content.urgency() + "】", content, "", resourceIds);
    }

    private static String line(String prefix, NoticeContent content, String deadline, List<String> resourceIds) {
        String service = clean(content.service());
        String title = clean(content.title());
        List<String> resourceForms = resourceForms(resourceIds);
        String resources = resourceForms.get(resourceForms.size() - 1);
        String account = content.accountName() == null ? "" : clean(content.accountName());
        if (!account.isEmpty()) {
            for (String named : resourceForms) {
                String subject = join(prefix, owner(account), service, title, named, deadline);
                if (subject.length() <= MAX_LENGTH) {
                    return subject;
                }
            }
            // The name shortened to the room left (" の" and a space besides), else none.
            int room = MAX_LENGTH - join(prefix, service, title, resources, deadline).length() - 3;
            if (room >= MIN_ACCOUNT_NAME) {
                return join(prefix, owner(Shorten.end(account, room)), service, title, resources, deadline);
            }
        }
        for (String named : resourceForms) {
            String subject = join(prefix, service, title, named, deadline);
            if (subject.length() <= MAX_LENGTH) {
                return subject;
            }
        }
        // Still too long: shorten the title, then the service name, keeping the urgency and the deadline whole.
        String fixed = join(prefix, service, "", resources, deadline);
        int room = MAX_LENGTH - fixed.length() - 1;
        if (room > 1) {
            return join(prefix, service, Shorten.end(title, room), resources, deadline);
        }
        String minimal = join(prefix, "", "", resources, deadline);
        room = MAX_LENGTH - minimal.length() - 1;
        return room > 1 ? join(prefix, Shorten.end(service + " " + title, room), "", resources, deadline)
                : Shorten.end(join(prefix, "", "", "", deadline), MAX_LENGTH);
    }

    /** The ways to name the resources, longest first: "db-1 ほか2件", then "3件", then nothing. */
    static List<String> resourceForms(List<String> ids) {
        List<String> forms = new ArrayList<>();
        if (ids.isEmpty()) {
            forms.add("");
            return forms;
        }
        String first = clean(shortName(ids.get(0)));
        forms.add(ids.size() == 1 ? first : first + " ほか" + (ids.size() - 1) + "件");
        forms.add(ids.size() + "件");
        return forms;
    }

    /** A generated id: long hexadecimal, or a UUID with perhaps a revision after it (MSK's {@code ...-3}). */
    private static final Pattern OPAQUE_ID = Pattern.compile("[0-9a-fA-F]{8,}|[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}(-\\d+)?");

    /**
     * An ARN is named by its last meaningful part, the name a person gave it: {@code ...:instance/i-0abc} is
     * {@code i-0abc}, {@code ...:service/web-frontend/8fe1e103...} is {@code web-frontend}, {@code ...:task/events/1a2b3c4d}
     * is {@code events}. Generated ids after the name are skipped; the body keeps the ARN whole.
     */
    static String shortName(String id) {
        if (!id.startsWith("arn:")) {
            return id;
        }
        String[] parts = id.split(":", 6);
        if (parts.length < 6 || parts[5].isEmpty()) {
            return id;
        }
        String[] segments = parts[5].split("[/:]");
        for (int i = segments.length - 1; i >= 0; i--) {
            String segment = segments[i];
            if (!segment.isEmpty() && !OPAQUE_ID.matcher(segment).matches() && (i > 0 || segments.length == 1)) {
                return segment;
            }
        }
        String last = segments[segments.length - 1];
        return last.isEmpty() ? id : last;
    }

    /** {@code prod-web の}, {@code 本番環境の}: a Latin name stands apart from the particle, as Japanese writes it. */
    private static String owner(String account) {
        String letters = account.endsWith(Shorten.ELLIPSIS) && account.length() > 1
                ? account.substring(0, account.length() - 1) : account;
        return account + (letters.charAt(letters.length() - 1) < 0x80 ? " の" : "の");
    }

    private static String join(String prefix, String... parts) {
        StringBuilder s = new StringBuilder(prefix);
        for (String part : parts) {
            if (!part.isEmpty()) {
                if (s.length() > prefix.length()) {
                    s.append(' ');
                }
                s.append(part);
            }
        }
        return s.toString();
    }

    /**
     * No line breaks or control characters (SNS rejects them), no characters that reorder or hide text (a bidirectional
     * override would make {@code db-prod} read as another name), and no runs of spaces.
     */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        return WHITESPACE.matcher(Characters.visible(s, false)).replaceAll(" ").strip();
    }
}
