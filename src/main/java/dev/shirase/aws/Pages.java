package dev.shirase.aws;

import java.util.function.Consumer;
import java.util.function.Function;

/** Reading a paginated AWS list one call at a time. */
public final class Pages {
    private Pages() {
    }

    /**
     * Calls {@code call} with each page's token (none for the first page) until a page has no next token. One call per
     * page, rather than the SDK's paginators, so that each call is bounded by what is left of the budget then. An empty
     * token ends the list too: asking again with it would only return the first page again.
     */
    public static <P> void forEach(Function<String, P> call, Function<P, String> nextToken, Consumer<P> onPage) {
        String token = null;
        do {
            P page = call.apply(token);
            onPage.accept(page);
            token = nextToken.apply(page);
        } while (token != null && !token.isEmpty());
    }
}
