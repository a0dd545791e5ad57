package dev.shirase.ec2;

import dev.shirase.aws.AwsClients;
import dev.shirase.aws.Pages;
import dev.shirase.budget.Budget;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;

/**
 * {@link InstanceEvents} by EC2's DescribeInstanceStatus, with IncludeAllInstances so that stopped (and recently
 * terminated) instances are listed too. Ids are asked 100 a call, the API's limit, every page of each call one call at a
 * time so that each is bounded by what is left of the budget. Throttling is retried by the SDK.
 */
public final class Ec2Api implements InstanceEvents {
    /** DescribeInstanceStatus takes at most 100 instance ids a call. */
    static final int IDS_PER_CALL = 100;
    private static final String NOT_FOUND = "InvalidInstanceID.NotFound";
    private static final String MALFORMED = "InvalidInstanceID.Malformed";
    /** EC2 names the ids it rejects in quotes: {@code The instance IDs 'i-1, i-2' do not exist}, {@code Invalid id: "x"}. */
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"");

    private final AwsClients clients;

    public Ec2Api(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public Map<String, InstanceState> scheduledEvents(String region, Collection<String> instanceIds, Budget budget) {
        Set<String> distinct = new LinkedHashSet<>(instanceIds);
        Map<String, InstanceState> found = new HashMap<>();
        List<String> toAsk = new ArrayList<>();
        for (String id : distinct) {
            if (InstanceIds.isInstanceId(id)) {
                toAsk.add(id);
            } else {
                found.put(id, InstanceState.unknown());
            }
        }
        if (!toAsk.isEmpty()) {
            clients.credentialsWithin(budget);
            try {
                Ec2Client ec2 = clients.ec2(Region.of(region));
                for (int from = 0; from < toAsk.size(); from += IDS_PER_CALL) {
                    describe(ec2, toAsk.subList(from, Math.min(from + IDS_PER_CALL, toAsk.size())), budget, found);
                }
            } catch (RuntimeException failed) {
                // Whatever went wrong, the answer is incomplete: one exception, so no caller reads a part as the whole.
                throw new InstanceEventsException(region, failed);
            }
        }
        Map<String, InstanceState> inOrder = new LinkedHashMap<>();
        distinct.forEach(id -> inOrder.put(id, found.get(id)));
        return Collections.unmodifiableMap(inOrder);
    }

    /**
     * EC2 fails a whole call when one id is unknown or malformed, and names it: that id is set aside and the rest asked
     * again. An error that names none of the ids asked (a message worded otherwise) is narrowed down by halving them,
     * until the one id asked alone is the one EC2 rejects.
     */
    private static void describe(Ec2Client ec2, List<String> ids, Budget budget, Map<String, InstanceState> found) {
        Deque<List<String>> toAsk = new ArrayDeque<>();
        toAsk.push(ids);
        while (!toAsk.isEmpty()) {
            List<String> asking = toAsk.pop();
            try {
                Map<String, InstanceState> listed = listed(ec2, asking, budget);
                // IncludeAllInstances lists every instance EC2 knows: one left out is not known to be gone.
                asking.forEach(id -> found.put(id, listed.getOrDefault(id, InstanceState.unknown())));
            } catch (Ec2Exception e) {
                InstanceState rejected = rejected(e).orElseThrow(() -> e);
                List<String> named = named(e, asking);
                if (!named.isEmpty()) {
                    named.forEach(id -> found.put(id, rejected));
                    List<String> rest = asking.stream().filter(id -> !named.contains(id)).toList();
                    if (!rest.isEmpty()) {
                        toAsk.push(rest);
                    }
                } else if (asking.size() == 1) {
                    found.put(asking.getFirst(), rejected);
                } else {
                    int half = asking.size() / 2;
                    toAsk.push(asking.subList(half, asking.size()));
                    toAsk.push(asking.subList(0, half));
                }
            }
        }
    }

    private static Map<String, InstanceState> listed(Ec2Client ec2, List<String> ids, Budget budget) {
        Map<String, InstanceState> listed = new HashMap<>();
        Pages.forEach(token -> ec2.describeInstanceStatus(r -> r.instanceIds(ids).includeAllInstances(true)
                        .nextToken(token).overrideConfiguration(AwsClients.within(budget))),
                DescribeInstanceStatusResponse::nextToken,
                page -> page.instanceStatuses().forEach(s -> listed.put(s.instanceId(), state(s))));
        return listed;
    }

    /** What an id EC2 rejects is: gone when EC2 does not know it; unknown when it is not an instance id at all. */
    private static Optional<InstanceState> rejected(Ec2Exception e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        if (NOT_FOUND.equals(code)) {
            return Optional.of(InstanceState.notFound());
        }
        if (MALFORMED.equals(code)) {
            return Optional.of(InstanceState.unknown());
        }
        return Optional.empty();
    }

    /** The ids of {@code asking} that the error's message names. */
    private static List<String> named(Ec2Exception e, List<String> asking) {
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        if (message == null) {
            return List.of();
        }
        Set<String> mentioned = new LinkedHashSet<>();
        Matcher quoted = QUOTED.matcher(message);
        while (quoted.find()) {
            String inside = quoted.group(1) != null ? quoted.group(1) : quoted.group(2);
            for (String part : inside.split(",")) {
                mentioned.add(part.strip());
            }
        }
        return asking.stream().filter(mentioned::contains).toList();
    }

    private static InstanceState state(InstanceStatus s) {
        String stateName = s.instanceState() == null ? null : s.instanceState().nameAsString();
        return InstanceState.listed(stateName, s.events().stream()
                .map(e -> new ScheduledEvent(e.codeAsString(), e.description(), e.notBefore(), e.notAfter(),
                        e.notBeforeDeadline(), e.instanceEventId()))
                .toList());
    }
}
