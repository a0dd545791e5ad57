package dev.shirase.ec2;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** EC2 instance ids, picked from the resource strings of AWS Health events (an id, or an instance's ARN). */
public final class InstanceIds {
    /** {@code i-} and 8 hexadecimal digits (instances from before 2016) or 17. */
    private static final String ID = "i-(?:[0-9a-f]{17}|[0-9a-f]{8})";
    private static final Pattern BARE = Pattern.compile(ID);
    /** {@code arn:<partition>:ec2:<region>:<account>:instance/<id>}, in any partition (aws, aws-cn, aws-us-gov ...). */
    private static final Pattern ARN = Pattern.compile("arn:aws(?:-[a-z]+)*:ec2:[a-z0-9-]*:[0-9]*:instance/(" + ID + ")");

    private InstanceIds() {
    }

    /** Whether {@code text} is an instance id as EC2 writes one. */
    public static boolean isInstanceId(String text) {
        return text != null && BARE.matcher(text).matches();
    }

    /** The instance id that {@code resource} names, as an id or as an instance's ARN; empty for anything else. */
    public static Optional<String> fromResource(String resource) {
        if (resource == null) {
            return Optional.empty();
        }
        String r = resource.strip();
        if (isInstanceId(r)) {
            return Optional.of(r);
        }
        Matcher arn = ARN.matcher(r);
        return arn.matches() ? Optional.of(arn.group(1)) : Optional.empty();
    }

    /** The instance ids that {@code resources} name, each once, in their order; other resources are left out. */
    public static List<String> fromResources(Collection<String> resources) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        resources.forEach(r -> fromResource(r).ifPresent(ids::add));
        return List.copyOf(ids);
    }
}
