package dev.shirase.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code SHIRASE_TRANSLATION}: which services translate the English original, in order of preference. {@code none} (or
 * nothing) asks none; {@code amazon-translate}; {@code bedrock:<model id>}; or two of them, comma-separated, the second
 * taking over a paragraph the first could not translate faithfully.
 */
public sealed interface TranslationSetting {
    String ENV = "SHIRASE_TRANSLATION";

    /** Amazon Translate, with the product's custom terminology. */
    record UseAmazonTranslate() implements TranslationSetting {
    }

    /**
     * A model through Amazon Bedrock's Converse API.
     *
     * @param modelId a model id, an inference profile id or an ARN, as Converse takes it
     */
    record UseBedrock(String modelId) implements TranslationSetting {
    }

    /** Model ids, inference profile ids and ARNs: what Converse's modelId takes, with its length limit. */
    Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,2047}");

    /**
     * The services {@code value} names, in order; empty for {@code none}.
     *
     * @throws IllegalArgumentException naming what is wrong and what is accepted
     */
    static List<TranslationSetting> parse(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("none")) {
            return List.of();
        }
        List<TranslationSetting> settings = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String choice = part.strip();
            if (choice.toLowerCase(Locale.ROOT).equals("amazon-translate")) {
                settings.add(new UseAmazonTranslate());
            } else if (choice.toLowerCase(Locale.ROOT).startsWith("bedrock:")
                    && MODEL_ID.matcher(choice.substring("bedrock:".length())).matches()) {
                settings.add(new UseBedrock(choice.substring("bedrock:".length())));
            } else {
                throw new IllegalArgumentException(ENV + " has \"" + choice + "\": expected none, amazon-translate or "
                        + "bedrock:<model id> (for example bedrock:anthropic.claude-3-5-sonnet-20240620-v1:0), or two of "
                        + "them separated by a comma, the second as the fallback");
            }
        }
        if (settings.size() > 2 || settings.stream().distinct().count() < settings.size()) {
            throw new IllegalArgumentException(ENV + " names at most two different translators, the second as the "
                    + "fallback: " + value);
        }
        return List.copyOf(settings);
    }
}
