package dev.shirase.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The environment {@code sam local invoke <function>} gives a function of template.yaml, built the way SAM CLI builds
 * it:
 * <ul>
 * <li>the Globals' and the function's variables, parameters at their defaults, conditions decided, and each
 * {@code !Ref} of a resource resolved to the resource's logical id (samcli/lib/intrinsic_resolver/
 * intrinsics_symbol_table.py: the common "Ref" resolver returns the logical id); what stays an object, and
 * {@code AWS::NoValue}, become "" (samcli/local/lambdafn/env_vars.py, _stringify_value);</li>
 * <li>overridden by an {@code --env-vars} file: its "Parameters" for every function, then the entry named after the
 * function, and only for variables the template declares (samcli/commands/local/lib/local_lambda.py,
 * _make_env_vars);</li>
 * <li>with the AWS_ variables SAM local always sets, here as with no AWS profile: region us-east-1 and placeholder
 * keys (env_vars.py, _get_aws_variables).</li>
 * </ul>
 */
final class SamLocalEnvironment {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SamLocalEnvironment() {
    }

    /** The environment without an --env-vars file. */
    static Map<String, String> of(String function) {
        return of(function, null);
    }

    static Map<String, String> of(String function, Path envVarsFile) {
        SamTemplate written = SamTemplate.loadLongForm();
        SamTemplate resolved = SamTemplate.deployed(Map.of());
        JsonNode resources = written.resources();

        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_SAM_LOCAL", "true");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", property(resolved, function, "MemorySize"));
        env.put("AWS_LAMBDA_FUNCTION_TIMEOUT", property(resolved, function, "Timeout"));
        env.put("AWS_LAMBDA_FUNCTION_HANDLER", property(resolved, function, "Handler"));
        env.put("AWS_LAMBDA_FUNCTION_NAME", function);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "defaultkey");
        env.put("AWS_SECRET_ACCESS_KEY", "defaultsecret");
        env.put("AWS_ACCOUNT_ID", "123456789012");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        JsonNode logging = resolved.properties(function).has("LoggingConfig") ? resolved.properties(function)
                .path("LoggingConfig") : resolved.functionGlobals().path("LoggingConfig");
        if (logging.has("LogFormat")) {
            env.put("AWS_LAMBDA_LOG_FORMAT", logging.path("LogFormat").asText());
            env.put("AWS_LAMBDA_LOG_LEVEL", logging.path("ApplicationLogLevel").asText("INFO"));
        }

        Map<String, JsonNode> overrides = overrides(function, envVarsFile);
        for (String name : declared(written, function)) {
            JsonNode value = overrides.containsKey(name) ? overrides.get(name) : variable(resolved, function, name);
            env.put(name, text(value, resources));
        }
        return env;
    }

    /** Every variable name the function's environment declares, its own and the Globals'. */
    static Set<String> declared(SamTemplate written, String function) {
        Set<String> names = new LinkedHashSet<>();
        written.functionGlobals().at("/Environment/Variables").fieldNames().forEachRemaining(names::add);
        written.properties(function).at("/Environment/Variables").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The function's value of a variable after CloudFormation's resolution of parameters: its own, or the Globals'. */
    private static JsonNode variable(SamTemplate resolved, String function, String name) {
        JsonNode own = resolved.properties(function).at("/Environment/Variables").get(name);
        return own != null ? own : resolved.functionGlobals().at("/Environment/Variables").get(name);
    }

    private static String property(SamTemplate resolved, String function, String name) {
        JsonNode own = resolved.properties(function).get(name);
        return (own != null ? own : resolved.functionGlobals().path(name)).asText();
    }

    /** As SAM local turns a value into text: a Ref of a resource is its logical id, AWS::NoValue and objects "". */
    private static String text(JsonNode value, JsonNode resources) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.isObject() && value.size() == 1 && value.has("Ref") && resources.has(value.get("Ref").asText())) {
            return value.get("Ref").asText();
        }
        return "";
    }

    private static Map<String, JsonNode> overrides(String function, Path envVarsFile) {
        Map<String, JsonNode> overrides = new LinkedHashMap<>();
        if (envVarsFile == null) {
            return overrides;
        }
        JsonNode file;
        try {
            file = MAPPER.readTree(envVarsFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        file.path("Parameters").properties().forEach(p -> overrides.put(p.getKey(), p.getValue()));
        file.path(function).properties().forEach(p -> overrides.put(p.getKey(), p.getValue()));
        return overrides;
    }
}
