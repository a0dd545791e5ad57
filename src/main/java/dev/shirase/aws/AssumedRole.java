package dev.shirase.aws;

import dev.shirase.budget.Budget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The credentials of a role in another account (a member account's reader role), taken with AssumeRole by the
 * function's own credentials, for {@link #SESSION}, and taken again once less than {@link #REFRESH_BEFORE} is left.
 *
 * <p>Not the SDK's StsAssumeRoleCredentialsProvider: that one makes its AssumeRole call outside the time of the call
 * that needs the credentials, bounded only by the STS client's own timeouts. Here the first caller assumes the role
 * within its own budget ({@link #within}), so an account whose STS call hangs takes that caller's share of the time
 * and no more; the callers that need the same role meanwhile wait, each within its own budget. A failure is kept for
 * {@link #KEEP_FAILURE}, so that the regions of an account whose role cannot be assumed ask STS once, not each.
 */
public final class AssumedRole implements AwsCredentialsProvider {
    /** The shortest session AssumeRole grants; a scan or a notice needs minutes. */
    static final Duration SESSION = Duration.ofMinutes(15);
    /** More than a scan's region takes, so credentials taken for it do not expire in the middle. */
    static final Duration REFRESH_BEFORE = Duration.ofMinutes(5);
    static final Duration KEEP_FAILURE = Duration.ofSeconds(30);

    private final Supplier<StsClient> sts;
    private final String roleArn;
    private final String sessionName;
    private final Clock clock;
    private final ReentrantLock taking = new ReentrantLock();
    private volatile AwsSessionCredentials held;
    private RoleNotAssumedException failure;
    private Instant failedAt;

    AssumedRole(Supplier<StsClient> sts, String roleArn, String sessionName, Clock clock) {
        this.sts = sts;
        this.roleArn = roleArn;
        this.sessionName = sessionName;
        this.clock = clock;
    }

    public String roleArn() {
        return roleArn;
    }

    /**
     * Credentials good for {@link #REFRESH_BEFORE} at least: those held, or new ones, taken within {@code budget}.
     *
     * @throws RoleNotAssumedException when the role could not be assumed (denied, no answer within the budget ...)
     */
    public AwsSessionCredentials within(Budget budget) {
        AwsSessionCredentials current = held;
        if (fresh(current)) {
            return current;
        }
        try {
            if (!taking.tryLock(budget.remaining().toNanos(), TimeUnit.NANOSECONDS)) {
                throw new RoleNotAssumedException(roleArn, new AwsClients.BudgetSpentException(
                        "no time left in the budget while another call assumed the role"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RoleNotAssumedException(roleArn, e);
        }
        try {
            if (fresh(held)) {
                return held;
            }
            if (failure != null && clock.instant().isBefore(failedAt.plus(KEEP_FAILURE))) {
                throw new RoleNotAssumedException(roleArn, failure.getCause());
            }
            try {
                Credentials taken = sts.get().assumeRole(r -> r.roleArn(roleArn).roleSessionName(sessionName)
                        .durationSeconds((int) SESSION.toSeconds())
                        .overrideConfiguration(AwsClients.within(budget))).credentials();
                held = AwsSessionCredentials.builder().accessKeyId(taken.accessKeyId())
                        .secretAccessKey(taken.secretAccessKey()).sessionToken(taken.sessionToken())
                        .expirationTime(taken.expiration()).build();
                failure = null;
                return held;
            } catch (RuntimeException e) {
                failure = new RoleNotAssumedException(roleArn, e);
                failedAt = clock.instant();
                throw failure;
            }
        } finally {
            taking.unlock();
        }
    }

    /** For the SDK, when a client signs a request: within the time a call may take when no budget is given. */
    @Override
    public AwsCredentials resolveCredentials() {
        return within(Budget.of(AwsClients.CALL_TIMEOUT));
    }

    private boolean fresh(AwsSessionCredentials credentials) {
        return credentials != null && credentials.expirationTime()
                .map(expires -> clock.instant().plus(REFRESH_BEFORE).isBefore(expires)).orElse(false);
    }

    /** The role could not be assumed: nothing of its account can be read. The cause is STS's (or the SDK's) error. */
    public static final class RoleNotAssumedException extends RuntimeException {
        private final String roleArn;

        public RoleNotAssumedException(String roleArn, Throwable cause) {
            super("could not assume " + roleArn + ": " + cause.getMessage(), cause);
            this.roleArn = roleArn;
        }

        public String roleArn() {
            return roleArn;
        }
    }
}
