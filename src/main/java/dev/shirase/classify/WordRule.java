package dev.shirase.classify;

import dev.shirase.notice.Category;
import java.util.regex.Pattern;

/**
 * A category named by words in AWS's English text.
 *
 * @param category what the words mean
 * @param words    the pattern, matched against the lower-cased text
 * @param strong   strong words (security, operating system, end of support ...) may refine a broad code's default
 *                 category; weak ones (maintenance, upgrade) only name a category where nothing else did
 * @param title    a short Japanese name for what happens
 * @param subject  what the words must be said of, near them in their sentence ("retired" of an instance or a host,
 *                 not of a tunnel endpoint); null if anything goes
 */
public record WordRule(Category category, Pattern words, boolean strong, String title, Pattern subject) {

    public static WordRule strong(Category category, String regex, String title) {
        return new WordRule(category, Pattern.compile(regex), true, title, null);
    }

    public static WordRule weak(Category category, String regex, String title) {
        return new WordRule(category, Pattern.compile(regex), false, title, null);
    }

    /** The same rule, counting only where its sentence also names {@code subjectRegex}. */
    public WordRule about(String subjectRegex) {
        return new WordRule(category, words, strong, title, Pattern.compile(subjectRegex));
    }

    /** Anywhere in the text, whatever is said around it: for short texts such as the words of a code. */
    public boolean matches(String lowerCaseText) {
        return words.matcher(lowerCaseText).find();
    }

    /** Where in the notice the words are said, if they are said of the rule's subject. */
    Reading.Weight weightIn(Reading reading) {
        return reading.weight(words, subject);
    }
}
