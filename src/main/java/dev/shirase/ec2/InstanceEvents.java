package dev.shirase.ec2;

import dev.shirase.budget.Budget;
import java.util.Collection;
import java.util.Map;

/** Asks EC2 which scheduled events (reboots, maintenance, retirements, stops) its instances still have. */
public interface InstanceEvents {

    /**
     * What EC2 says of each instance, within {@code budget}.
     *
     * <p>EC2 answers for the account whose credentials ask: an instance of another account is
     * {@link InstanceState.Existence#NOT_FOUND} like a terminated one, so ask only for the caller's own instances.
     *
     * @param region      the region of the instances
     * @param instanceIds instance ids ({@code i-...}); duplicates are asked once, and anything that is not an instance
     *                    id is {@link InstanceState.Existence#UNKNOWN} without asking
     * @return every id given, in the order given, with what EC2 says of it
     * @throws InstanceEventsException when EC2 could not be asked or did not answer (no permission, throttling after
     *                                 the retries, the budget spent ...): nothing is known then, not even in part
     */
    Map<String, InstanceState> scheduledEvents(String region, Collection<String> instanceIds, Budget budget);
}
