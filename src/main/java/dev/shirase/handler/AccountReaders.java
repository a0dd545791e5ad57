package dev.shirase.handler;

import dev.shirase.aws.AwsClients;
import dev.shirase.scan.PerAccount;
import java.util.function.Function;

/** What reads each account: the function's own clients, or the clients of the reader role in a member account. */
final class AccountReaders {
    private AccountReaders() {
    }

    /**
     * @param session the role session's name, which the member account's CloudTrail shows for each call
     * @param reader  what reads one account with the clients given
     */
    static <T> PerAccount<T> of(AwsClients clients, String session, Function<AwsClients, T> reader) {
        return (account, role) -> reader.apply(account == null ? clients
                : clients.asRole(clients.roleArn(account, role), session));
    }
}
