package dev.shirase.handler;

import dev.shirase.aws.AwsClients;
import dev.shirase.log.JsonLog;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The run that the {@code shirase} launcher records its class-data-sharing archive from, once per build of the jar:
 * both functions' SnapStart rehearsals (every client, protocol and channel, with no network) and a preview of the given
 * event files in every format, so that whichever command comes next finds its classes in the archive.
 */
public final class ClassDataTraining {
    /** A configuration with every channel and the state table, in made-up names: nothing is reached. */
    static final Map<String, String> EVERYTHING = Map.of(
            "AWS_REGION", "ap-northeast-1",
            "AWS_ACCESS_KEY_ID", "AKIATRAINING",
            "AWS_SECRET_ACCESS_KEY", "training",
            "SHIRASE_TOPIC_ARN", "arn:aws:sns:ap-northeast-1:123456789012:shirase",
            "SHIRASE_MAIL_FROM", "shirase@example.com",
            "SHIRASE_MAIL_TO", "oncall@example.com",
            "SHIRASE_STATE_TABLE", "shirase-state",
            "SHIRASE_HOME_ACCOUNT", "123456789012");

    private ClassDataTraining() {
    }

    public static void main(String[] eventFiles) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        // One round each: the archive holds classes, which the first round loads; compiled code is not archived.
        Priming.notifyFunction(EVERYTHING, new AwsClients(EVERYTHING), JsonLog.silent()).prime(1);
        Priming.scanFunction(EVERYTHING, new AwsClients(EVERYTHING), JsonLog.silent()).prime(1);
        for (String format : List.of("text", "html", "json", "chat")) {
            List<String> args = new ArrayList<>(List.of("preview", "--format", format));
            args.addAll(List.of(eventFiles));
            new Cli(nowhere, nowhere, Map.of()).run(args.toArray(String[]::new));
        }
    }
}
