package dev.shirase.advice;

import dev.shirase.notice.Category;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What to tell the owner of one platform about one kind of change: one row of {@link AdviceTable}.
 *
 * @param platform   which platform the row is for; {@link Platform#ANY} rows hold for every service
 * @param categories the categories it covers
 * @param mark       words, any of which the event code or the Japanese title must contain ({@code INSTANCE_REBOOT},
 *                   {@code CERTIFICATE|証明書}), or null for any code
 * @param impact     影響: what the change does to the service, in Japanese, without figures (see downtime)
 * @param downtime   停止の目安 in a few words ({@code 数分}), as AWS's documentation gives it for this kind; the notice
 *                   prefers the figure its own text states. Null when it depends or is not documented.
 * @param steps      推奨対応, in order; their text and commands may hold {@link Step} placeholders
 */
public record Advice(Platform platform, Set<Category> categories, String mark, String impact, String downtime,
        List<Step> steps) {

    public Advice {
        categories = Set.copyOf(categories);
        steps = List.copyOf(steps);
    }

    /**
     * One step, in Japanese, with a command when one does it. Placeholders filled in when the notice is rendered:
     * {@code {before}} (the deadline, {@code 12/7(月)より前に}, or {@code 早めに} without one), {@code {region}},
     * {@code {resource}} (the first resource's name), {@code {resources}} (every listed resource, for commands that
     * take many), {@code {arn}} (its ARN) and {@code {action}} (the event code).
     *
     * @param key whether a summary that names many events of this kind (the scan's digest) gives this step
     */
    public record Step(String text, String command, boolean key) {

        public Step(String text, String command) {
            this(text, command, false);
        }
    }

    /** The steps a summary gives for this kind of change: those marked key, else the first. */
    public List<Step> keySteps() {
        List<Step> key = steps.stream().filter(Step::key).toList();
        return key.isEmpty() ? steps.subList(0, Math.min(1, steps.size())) : key;
    }

    public boolean matches(Platform p, Category category, String code, String title) {
        if ((platform != Platform.ANY && platform != p) || !categories.contains(category)) {
            return false;
        }
        if (mark == null) {
            return true;
        }
        String upperCode = code == null ? "" : code.toUpperCase(Locale.ROOT);
        for (String word : mark.split("\\|")) {
            if (upperCode.contains(word) || (title != null && title.contains(word))) {
                return true;
            }
        }
        return false;
    }
}
