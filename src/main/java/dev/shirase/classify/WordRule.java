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
 */
public record WordRule(Category category, Pattern words, boolean strong, String title) {

    public static WordRule strong(Category category, String regex, String title) {
        return new WordRule(category, Pattern.compile(regex), true, title);
    }

    public static WordRule weak(Category category, String regex, String title) {
        return new WordRule(category, Pattern.compile(regex), false, title);
    }

    public boolean matches(String lowerCaseText) {
        return words.matcher(lowerCaseText).find();
    }
}
