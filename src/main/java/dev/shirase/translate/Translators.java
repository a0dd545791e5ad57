package dev.shirase.translate;

import dev.shirase.aws.AwsClients;
import dev.shirase.log.JsonLog;
import dev.shirase.state.StateTable;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The translation {@code SHIRASE_TRANSLATION} configures, with the cache the environment allows. */
public final class Translators {
    private Translators() {
    }

    /**
     * The configured translation, or null for {@code none}. Translations are remembered in the state table when
     * {@code SHIRASE_STATE_TABLE} names one, else in the container's memory.
     *
     * @throws IllegalArgumentException when {@code SHIRASE_TRANSLATION} cannot be read, saying what it accepts
     */
    public static Translating fromEnvironment(Map<String, String> env, AwsClients clients, Clock clock, JsonLog log) {
        String table = env.get(StateTable.ENV);
        return of(env, clients, table == null || table.isBlank() ? new ContainerCache()
                : new DynamoDbTranslationCache(clients::dynamoDb, table.strip(), clock), log);
    }

    /**
     * The configured translation for the preview, or null for {@code none}: remembered in memory only, since the
     * preview writes nothing anywhere.
     *
     * @throws IllegalArgumentException when {@code SHIRASE_TRANSLATION} cannot be read, saying what it accepts
     */
    public static Translating forPreview(Map<String, String> env, AwsClients clients, JsonLog log) {
        return of(env, clients, new ContainerCache(), log);
    }

    private static Translating of(Map<String, String> env, AwsClients clients, TranslationCache cache, JsonLog log) {
        List<TranslationSetting> settings = TranslationSetting.parse(env.get(TranslationSetting.ENV));
        if (settings.isEmpty()) {
            return null;
        }
        Glossary glossary = Glossary.bundled();
        List<Translator> translators = settings.stream().<Translator>map(setting -> switch (setting) {
            case TranslationSetting.UseAmazonTranslate ignored -> new AmazonTranslate(clients, glossary);
            case TranslationSetting.UseBedrock bedrock -> new BedrockConverse(clients, bedrock.modelId(), glossary);
        }).toList();
        return new Translating(translators, cache, log);
    }
}
