package dev.shirase.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.budget.Budget;
import dev.shirase.notice.Category;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Stage;
import dev.shirase.scan.CompletionCheck;
import dev.shirase.scan.PerAccount;
import dev.shirase.scan.Place;
import dev.shirase.scan.ScanAccounts;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Whether an EC2 scheduled event (reboot, maintenance, retirement) is done, as EC2 tells it: an instance whose
 * scheduled event is gone from {@code DescribeInstanceStatus} was rebooted, stopped and started, or rescheduled by its
 * owner, or no longer exists. Other stories, and instances EC2 cannot answer for, are never taken as done. An instance
 * of a member account is asked about in that account (through its reader role); one of an account the scan does not
 * read is not asked about.
 */
public final class Ec2Completion implements CompletionCheck {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<Category> SCHEDULED = Set.of(Category.SYSTEM_REBOOT, Category.HARDWARE_RETIREMENT);

    private final PerAccount<InstanceEvents> events;

    public Ec2Completion(PerAccount<InstanceEvents> events) {
        this.events = events;
    }

    @Override
    public Set<String> done(Notice notice, ScanAccounts accounts, Budget budget) {
        var a = notice.announcement();
        if (!"EC2".equals(a.service()) || !SCHEDULED.contains(notice.category()) || notice.stage() == Stage.COMPLETED
                || a.region() == null || "global".equals(a.region().toLowerCase(Locale.ROOT))) {
            return Set.of();
        }
        Place place = accounts.placeOf(a.account(), a.region()).orElse(null);
        if (place == null || place.isHome() && fromAnotherAccount(a.raw(), a.account())) {
            return Set.of();
        }
        List<String> ids = InstanceIds.fromResources(a.resourceIds());
        if (ids.isEmpty()) {
            return Set.of();
        }
        Map<String, InstanceState> states = events.in(place.account(), accounts.readerRole())
                .scheduledEvents(a.region(), ids, budget);
        Set<String> done = new LinkedHashSet<>();
        // The story names resources as AWS Health did (an id or an ARN): report them under that name.
        for (String resource : a.resourceIds()) {
            InstanceIds.fromResource(resource).map(states::get).filter(InstanceState::nothingPending)
                    .ifPresent(state -> done.add(resource));
        }
        return done;
    }

    /**
     * An event of another account (AWS Health's organizational view, {@code affectedAccount}) names instances that this
     * account's EC2 does not know: they would look terminated, so they are not asked about here.
     */
    private static boolean fromAnotherAccount(String raw, String affected) {
        if (raw == null || affected == null) {
            return false;
        }
        try {
            JsonNode root = MAPPER.readTree(raw);
            String receiving = root.path("account").asText(null);
            return receiving != null && !Objects.equals(receiving, affected);
        } catch (java.io.IOException e) {
            return true;
        }
    }
}
