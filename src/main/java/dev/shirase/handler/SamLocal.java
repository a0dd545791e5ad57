package dev.shirase.handler;

import dev.shirase.deliver.Channels;
import dev.shirase.log.JsonLog;
import dev.shirase.state.StateTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment {@code sam local invoke} gives a function: template.yaml's variables with each {@code !Ref} of a
 * resource resolved to the resource's logical id, since nothing is deployed (SAM CLI's intrinsics symbol table), and
 * {@code AWS_SAM_LOCAL=true}. A topic "Topic" or a table "StateTable" exists nowhere, so such a value is taken as
 * unset, with a warning that says how to run it; with no channel left, the notice goes to the console.
 */
public final class SamLocal {
    /** A variable template.yaml sets to {@code !Ref} of a resource, and what to say when SAM local leaves it so. */
    public record Reference(String variable, String logicalId, String isNot, String instead) {
    }

    /** Every such variable of either function; a test holds this list to template.yaml. */
    public static final List<Reference> REFERENCES = List.of(
            new Reference(Channels.TOPIC_ARN, "Topic", "a topic ARN", "nothing is published to SNS"),
            new Reference(StateTable.ENV, "StateTable", "a deployed table's name", "the notifier runs without state"));

    private SamLocal() {
    }

    /** {@code env} less the references SAM local left unresolved; outside SAM local, {@code env} as it is. */
    static Map<String, String> withoutUnresolvedReferences(Map<String, String> env, JsonLog log) {
        if (!"true".equals(env.get("AWS_SAM_LOCAL"))) {
            return env;
        }
        Map<String, String> resolved = new HashMap<>(env);
        for (Reference r : REFERENCES) {
            String value = env.get(r.variable());
            if (value != null && value.strip().equals(r.logicalId())) {
                resolved.remove(r.variable());
                log.warn(r.variable() + "=" + r.logicalId() + " is not " + r.isNot() + ": sam local invoke resolves !Ref "
                        + r.logicalId() + " to the logical id. Taken as unset (" + r.instead()
                        + "); pass --env-vars events/local/env-vars.json to say so, or the real value to use it",
                        Map.of("variable", r.variable()));
            }
        }
        return resolved;
    }
}
