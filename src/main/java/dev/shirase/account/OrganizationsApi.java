package dev.shirase.account;

import dev.shirase.aws.AwsClients;
import dev.shirase.budget.Budget;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccessDeniedException;
import software.amazon.awssdk.services.organizations.model.AccountNotFoundException;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.ChildNotFoundException;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.ListParentsResponse;

/**
 * AWS Organizations through the SDK: {@code ListAccounts} and {@code ListParents}, which answer only in the management
 * account or a delegated administrator. Every call is bounded by its budget, and every failure becomes an
 * {@link Organization.Unavailable} that says whether asking again can help.
 */
public final class OrganizationsApi implements Organization {
    /** The most ListAccounts returns a page. */
    static final int PAGE_SIZE = 20;
    private final AwsClients clients;

    public OrganizationsApi(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public Page accounts(String token, Budget budget) {
        ListAccountsResponse response = call("ListAccounts", () -> client().listAccounts(r -> r
                .nextToken(token).maxResults(PAGE_SIZE).overrideConfiguration(AwsClients.within(budget))));
        return new Page(response.accounts().stream()
                .map(a -> new Account(a.id(), a.name(), a.stateAsString() != null ? a.stateAsString() : a.statusAsString()))
                .toList(), response.nextToken() == null || response.nextToken().isEmpty() ? null : response.nextToken());
    }

    @Override
    public String parent(String childId, Budget budget) {
        ListParentsResponse response;
        try {
            response = call("ListParents", () -> client().listParents(r -> r
                    .childId(childId).overrideConfiguration(AwsClients.within(budget))));
        } catch (Unavailable e) {
            // ChildNotFound is AWS's answer for an account outside the organization; AccountNotFound is moto's.
            if (e.getCause() instanceof ChildNotFoundException || e.getCause() instanceof AccountNotFoundException) {
                return null;
            }
            throw e;
        }
        // "In the current release, a child can have only a single parent."
        return response.parents().isEmpty() ? null : response.parents().get(0).id();
    }

    private OrganizationsClient client() {
        return clients.organizations();
    }

    private static <T> T call(String action, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException | AwsClients.BudgetSpentException e) {
            throw new Unavailable(cause(e), action + ": " + AwsClients.errorWords(e), e);
        }
    }

    static Cause cause(Throwable failure) {
        if (failure instanceof AccessDeniedException || failure instanceof AwsOrganizationsNotInUseException) {
            return Cause.LASTING;
        }
        if (failure instanceof AwsServiceException e && !e.isThrottlingException()
                && (e.statusCode() == 401 || e.statusCode() == 403)) {
            return Cause.LASTING;
        }
        return AwsClients.timedOut(failure) ? Cause.TIME : Cause.FAILED;
    }
}
