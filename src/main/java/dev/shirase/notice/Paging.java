package dev.shirase.notice;

/**
 * How AWS split one Health event into several deliveries: each page carries other entities under the same
 * event ARN and communication id.
 */
public record Paging(int page, int totalPages) {
    public boolean isPaged() {
        return totalPages > 1;
    }
}
