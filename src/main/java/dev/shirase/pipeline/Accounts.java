package dev.shirase.pipeline;

import dev.shirase.account.AccountDirectory;
import dev.shirase.account.AccountNames;
import dev.shirase.account.OrganizationsApi;
import dev.shirase.aws.AwsClients;
import dev.shirase.budget.Budget;
import dev.shirase.deliver.AccountChannels;
import dev.shirase.deliver.Channel;
import dev.shirase.log.JsonLog;
import dev.shirase.notice.Notice;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * What is known of a notice's account: its name, and the extra channels its notices go to. Looked up within a share of
 * the invocation's time; a lookup that fails leaves the notice named by its id and sent to the central channels.
 *
 * @param directory names and OUs
 * @param channels  the extra topics by account and OU
 */
public record Accounts(AccountDirectory directory, AccountChannels channels) {
    public static final Accounts NONE = new Accounts(AccountDirectory.none(), AccountChannels.NONE);

    /** Account names, and the extra topics of each account's notices, as the environment configures them. */
    public static Accounts fromEnvironment(Map<String, String> env, AwsClients clients, JsonLog log, Clock clock) {
        AccountDirectory directory = AccountDirectory.fromEnvironment(env, () -> new OrganizationsApi(clients), log,
                clock);
        return new Accounts(directory, AccountChannels.fromEnvironment(env, clients, directory, log));
    }

    /** Names from configuration alone, no extra channels: the preview. */
    public static Accounts named(AccountNames names) {
        return new Accounts(AccountDirectory.of(names), AccountChannels.NONE);
    }

    /**
     * The account of one notice.
     *
     * @param name     its name, or null when none is known
     * @param channels its extra channels, nearest first
     */
    public record Found(String name, List<Channel> channels) {
        static final Found NOTHING = new Found(null, List.of());

        public Found {
            channels = List.copyOf(channels);
        }
    }

    /**
     * The name and extra channels of {@code notice}'s account. Routing is asked first: where a notice goes matters more
     * than how its account is named, when the budget allows only one. Never throws.
     */
    Found find(Notice notice, Budget budget, JsonLog log) {
        String account = notice == null ? null : notice.announcement().account();
        if (account == null || account.isBlank()) {
            return Found.NOTHING;
        }
        List<Channel> extra = List.of();
        try {
            extra = channels.of(account, budget);
        } catch (RuntimeException e) {
            log.error("could not find the account's extra topics; the notice goes to the central channels",
                    Map.of("error", String.valueOf(e)));
        }
        String name = null;
        try {
            name = directory.names(budget).name(account).orElse(null);
        } catch (RuntimeException e) {
            log.error("could not name the account; the notice shows its id", Map.of("error", String.valueOf(e)));
        }
        return new Found(name, extra);
    }

    /** The name configuration gives {@code notice}'s account, with no call to AWS: the preview's. */
    String configuredName(Notice notice) {
        return notice == null ? null : directory.configured().name(notice.announcement().account()).orElse(null);
    }
}
