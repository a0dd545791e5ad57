package dev.shirase.deliver;

import dev.shirase.account.AccountDirectory;
import dev.shirase.account.AccountTopics;
import dev.shirase.aws.AwsClients;
import dev.shirase.budget.Budget;
import dev.shirase.log.JsonLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.regions.Region;

/**
 * The extra SNS topics of an account's notices ({@code SHIRASE_ACCOUNT_TOPICS}), as channels of their own: each takes a
 * notice or fails apart from the central topic and the others, and the state table records each, so that a retry sends
 * only to those that failed.
 */
public final class AccountChannels {
    public static final AccountChannels NONE = new AccountChannels(AccountTopics.NONE, Map.of(), AccountDirectory.none());

    private final AccountTopics topics;
    private final Map<String, Channel> byTopic;
    private final AccountDirectory directory;

    AccountChannels(AccountTopics topics, Map<String, Channel> byTopic, AccountDirectory directory) {
        this.topics = topics;
        this.byTopic = Map.copyOf(byTopic);
        this.directory = directory;
    }

    /**
     * The topics the environment configures, one SNS channel each, named {@code sns:<topic ARN>}. Throws at start-up when
     * {@code SHIRASE_ACCOUNT_TOPICS} cannot be read (see {@link AccountTopics#fromEnvironment}).
     */
    public static AccountChannels fromEnvironment(Map<String, String> env, AwsClients clients, AccountDirectory directory,
            JsonLog log) {
        AccountTopics topics = AccountTopics.fromEnvironment(env);
        if (topics.isEmpty()) {
            return NONE;
        }
        if (topics.namesOrganizationalUnits() && !directory.usesOrganization()) {
            log.warn(AccountTopics.ENV + " names OUs or a root, which only organization mode ("
                    + AccountDirectory.ORGANIZATION_ENV + ") can match; those topics receive nothing", Map.of());
        }
        String central = env.get(Channels.TOPIC_ARN) == null ? null : env.get(Channels.TOPIC_ARN).strip();
        Map<String, Channel> byTopic = new LinkedHashMap<>();
        for (String arn : topics.arns()) {
            if (arn.equals(central)) {
                // It has every notice already; a second copy helps nobody.
                log.warn(AccountTopics.ENV + " names the central topic, which receives every notice anyway; left out",
                        Map.of("topic", arn));
                continue;
            }
            // A team's topic may be in another region than this stack's.
            byTopic.put(arn, new SnsChannel(clients.sns(Region.of(arn.split(":")[3])), arn, nameOf(arn)));
        }
        return new AccountChannels(topics, byTopic, directory);
    }

    /** The channel name of an extra topic: it is recorded in the state table and counted in the metrics. */
    static String nameOf(String topicArn) {
        return SnsChannel.NAME + ":" + topicArn;
    }

    /**
     * The extra channels of a notice about {@code account}: its own topics, then those of the OUs above it. Asks
     * Organizations for the OUs only when a topic is keyed by one, within {@code budget}; never throws.
     */
    public List<Channel> of(String account, Budget budget) {
        if (account == null || byTopic.isEmpty()) {
            return List.of();
        }
        List<String> ancestors = topics.namesOrganizationalUnits() ? directory.ancestors(account, budget) : List.of();
        return topics.topicsFor(account, ancestors).stream().map(byTopic::get).filter(Objects::nonNull).toList();
    }

    public boolean isEmpty() {
        return byTopic.isEmpty();
    }
}
