package dev.shirase.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.aws.AwsClients;
import dev.shirase.budget.Budget;
import dev.shirase.testing.MotoClients;
import dev.shirase.testing.MotoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** {@link Ec2Api} against moto's EC2, where the instances are run, stopped and terminated. Needs moto_server. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Ec2ApiMotoTest {
    private static final MotoServer MOTO = MotoServer.get();
    private static final String REGION = MotoServer.REGION;
    /** Shaped like an instance id; moto never ran it. */
    private static final String NEVER_RAN = "i-0123456789abcdef0";

    private String running;
    private String stopped;
    private Ec2Api api;

    @BeforeEach
    void instancesInMoto() {
        MOTO.reset();
        try (Ec2Client direct = new MotoClients(MOTO).ec2()) {
            List<String> ids = direct.runInstances(r -> r.imageId("ami-12345678").instanceType("t3.micro")
                    .minCount(2).maxCount(2)).instances().stream().map(i -> i.instanceId()).toList();
            running = ids.get(0);
            stopped = ids.get(1);
            direct.stopInstances(r -> r.instanceIds(stopped));
        }
        api = new Ec2Api(new AwsClients(MOTO.awsEnvironment()));
    }

    private static Budget budget() {
        return Budget.of(Duration.ofSeconds(30));
    }

    @Test
    void anInstanceWithoutScheduledEventsHasNothingPendingAndStoppedOnesAreListedToo() {
        Map<String, InstanceState> found = api.scheduledEvents(REGION, List.of(running, stopped), budget());

        assertThat(found).containsExactly(
                Map.entry(running, InstanceState.listed("running", List.of())),
                Map.entry(stopped, InstanceState.listed("stopped", List.of())));
        assertThat(found.values()).allSatisfy(state -> {
            assertThat(state.hasPendingEvent()).isFalse();
            assertThat(state.nothingPending()).isTrue();
        });
    }

    @Test
    void anIdEc2DoesNotKnowIsNotFoundBesideTheOnesItKnows() {
        Map<String, InstanceState> found = api.scheduledEvents(REGION, List.of(running, NEVER_RAN, stopped), budget());

        assertThat(found).containsExactly(
                Map.entry(running, InstanceState.listed("running", List.of())),
                Map.entry(NEVER_RAN, InstanceState.notFound()),
                Map.entry(stopped, InstanceState.listed("stopped", List.of())));
        assertThat(found.get(NEVER_RAN).nothingPending()).isTrue();
    }

    @Test
    void aTerminatedInstanceStillListedHasNothingPending() {
        try (Ec2Client direct = new MotoClients(MOTO).ec2()) {
            direct.terminateInstances(r -> r.instanceIds(running));
        }

        Map<String, InstanceState> found = api.scheduledEvents(REGION, List.of(running), budget());

        assertThat(found.get(running)).isEqualTo(InstanceState.listed("terminated", List.of()));
        assertThat(found.get(running).nothingPending()).isTrue();
    }

    @Test
    void manyUnknownIdsAcrossSeveralCallsAreAllNotFoundAndTheKnownOnesListed() {
        List<String> ids = new ArrayList<>(IntStream.range(0, 230).mapToObj(n -> String.format("i-%017x", n)).toList());
        // One known instance in the first hundred, one in the third: each call fails on its unknown ids first.
        ids.add(50, running);
        ids.add(210, stopped);

        Map<String, InstanceState> found = api.scheduledEvents(REGION, ids, budget());

        assertThat(found.keySet()).containsExactlyElementsOf(ids);
        assertThat(found.get(running)).isEqualTo(InstanceState.listed("running", List.of()));
        assertThat(found.get(stopped)).isEqualTo(InstanceState.listed("stopped", List.of()));
        assertThat(found.entrySet()).filteredOn(e -> !e.getKey().equals(running) && !e.getKey().equals(stopped))
                .hasSize(230)
                .allSatisfy(e -> assertThat(e.getValue()).isEqualTo(InstanceState.notFound()));
    }
}
