package dev.shirase.handler;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.account.AccountNames;
import dev.shirase.aws.AwsClients;
import dev.shirase.budget.Budget;
import dev.shirase.checkpoint.Core;
import dev.shirase.deliver.Channels;
import dev.shirase.deliver.Routing;
import dev.shirase.log.JsonLog;
import dev.shirase.log.Metrics;
import dev.shirase.pipeline.Accounts;
import dev.shirase.pipeline.Enricher;
import dev.shirase.pipeline.NoticePipeline;
import dev.shirase.render.MinimalNotice;
import dev.shirase.scan.ScanSettings;
import dev.shirase.state.StateStore;
import dev.shirase.state.StateTable;
import dev.shirase.state.Tracker;
import dev.shirase.translate.AmazonTranslate;
import dev.shirase.translate.Glossary;
import dev.shirase.translate.Translating;
import dev.shirase.translate.TranslationSetting;
import dev.shirase.translate.Translators;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The command line: {@code preview} shows what would be sent, with no AWS account; {@code invoke} runs the Lambda
 * handler that template.yaml names, delivering to the channels the environment configures; {@code replay} does the
 * same with what the failure queue holds; {@code state init} creates the state table where the environment points.
 */
public final class Cli {
    /** The handlers template.yaml gives NotifyFunction and ScanFunction; a test holds them together. */
    public static final String NOTIFY_HANDLER = "dev.shirase.handler.NotifyHandler::handleRequest";
    public static final String SCAN_HANDLER = "dev.shirase.handler.ScanHandler::handleRequest";

    static final String USAGE = """
            usage:
              shirase preview [--format text|json|html|chat|ics] [--now ISO-8601] FILE...
                  show the Japanese notice each EventBridge event file would produce; nothing is sent;
                  chat: the Amazon Q Developer custom notification as published to SNS https subscribers, one per line;
                  ics: the iCalendar the mail attaches for a notice with a date (ORGANIZER: SHIRASE_MAIL_FROM)
              shirase preview --state [--format text|json|html|chat|ics] [--now ISO-8601] FILE...
                  what the stateful notifier would send for each file, given the state table SHIRASE_STATE_TABLE
                  names (on the endpoint the environment points at): a first notice, 【更新】 with what changed,
                  【完了】, or nothing and why; reads the table, never writes it, sends nothing
              shirase preview --pending-maintenance FILE [--db-instances FILE] [--db-clusters FILE]
                      [--now ISO-8601] [--reminder-days 14,7,3,1] [--weekly-digest-day MONDAY]
                      [--format text|json|html|ics]
                  show what the daily scan would send, from saved output of aws rds describe-pending-maintenance-actions
                  (and describe-db-instances / describe-db-clusters); json: one object per pending action
              shirase invoke [--function NotifyFunction|ScanFunction] [--snapstart] FILE...
                  call the function's handler with each file, as Lambda would, delivering to the channels that
                  SHIRASE_TOPIC_ARN, SHIRASE_MAIL_FROM and SHIRASE_MAIL_TO configure (none: the console); after each
                  file, Lambda's REPORT line on standard error (Duration, Max Memory Used, Init Duration);
                  --snapstart: run SnapStart's hooks (priming, then restore) before the first file, as Lambda does
                  when it takes a snapshot and restores it, and report Restore Duration instead of Init Duration
              shirase replay --queue-url URL [--max N] [--dry-run]
                  once the cause of a failure is fixed, run each event on the failure queue (stack output FailureQueueUrl)
                  through its function's handler again, as invoke does, and delete it once its notice was delivered;
                  one that fails again stays. Delivers to SHIRASE_TOPIC_ARN (stack output TopicArn) or SHIRASE_MAIL_FROM
                  and SHIRASE_MAIL_TO. --dry-run: list what would be replayed; --max N: stop after N messages
              shirase glossary [--name]
                  print the glossary's fixed words as the CSV file Amazon Translate imports as a custom terminology
                  (SHIRASE_TRANSLATION=amazon-translate imports it itself when it may); --name: the terminology's name
              shirase state init [--table NAME]
                  create the DynamoDB state table (NAME, or SHIRASE_STATE_TABLE) with the keys, index and time to live
                  template.yaml declares, where AWS_REGION and AWS_ENDPOINT_URL point (AWS, moto, DynamoDB Local), and
                  turn on point-in-time recovery; an existing table is checked, not changed, apart from those two
            """;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    Cli(PrintStream out, PrintStream err) {
        this(out, err, System.getenv());
    }

    /** {@code env}: where AWS settings and SHIRASE_* come from, as in Lambda (tests pass their own). */
    Cli(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new Cli(out, err).run(args));
    }

    /** Exit status: 0 when every input was read, 1 when any was not, 2 for a usage error. */
    int run(String[] args) {
        try {
            if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
                out.print(USAGE);
                return args.length == 0 ? 2 : 0;
            }
            List<String> rest = List.of(args).subList(1, args.length);
            return switch (args[0]) {
                case "preview" -> preview(rest);
                case "invoke" -> invoke(rest);
                case "replay" -> replay(rest);
                case "state" -> state(rest);
                case "glossary" -> glossary(rest);
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            err.println("shirase: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
    }

    private int preview(List<String> args) {
        Preview.Format format = Preview.Format.TEXT;
        Instant now = Instant.now();
        String pending = null;
        String instances = null;
        String clusters = null;
        String reminderDays = ScanSettings.DEFAULT_REMINDER_DAYS;
        String digestDay = "MONDAY";
        List<String> files = new ArrayList<>();
        boolean withState = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--state" -> withState = true;
                case "--format" -> format = Preview.Format.parse(value(args, ++i, arg));
                case "--now" -> now = parseNow(value(args, ++i, arg));
                case "--pending-maintenance" -> pending = value(args, ++i, arg);
                case "--db-instances" -> instances = value(args, ++i, arg);
                case "--db-clusters" -> clusters = value(args, ++i, arg);
                case "--reminder-days" -> reminderDays = value(args, ++i, arg);
                case "--weekly-digest-day" -> digestDay = value(args, ++i, arg);
                default -> {
                    if (arg.startsWith("--")) {
                        throw new UsageException("unknown option '" + arg + "'");
                    }
                    files.add(arg);
                }
            }
        }
        if (pending != null) {
            if (withState) {
                throw new UsageException("--state previews event files, not --pending-maintenance");
            }
            if (!files.isEmpty()) {
                throw new UsageException("--pending-maintenance takes its files by option, not " + files);
            }
            if (format == Preview.Format.CHAT) {
                throw new UsageException(
                        "--format chat previews event files; use text, json or html with --pending-maintenance");
            }
            ScanSettings settings;
            try {
                settings = ScanSettings.of(MAPPER.createObjectNode().put("regions", "preview")
                        .put("reminderDays", reminderDays).put("weeklyDigestDay", digestDay), Map.of());
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            return new PendingPreview(format, out, accountNames(), env.get(Channels.MAIL_FROM)).run(new PendingPreview.SavedOutput(pending, instances, clusters), now,
                    settings);
        }
        if (instances != null || clusters != null) {
            throw new UsageException("--db-instances and --db-clusters go with --pending-maintenance");
        }
        if (files.isEmpty()) {
            throw new UsageException("preview needs at least one event file");
        }
        List<Preview.Item> items = new ArrayList<>();
        if (withState) {
            NoticePipeline pipeline = statePreview(now);
            for (String file : files) {
                items.add(foreseen(pipeline, file));
            }
        } else {
            NoticePipeline pipeline = NoticePipeline.renderOnly(Clock.fixed(now, ZoneOffset.UTC), accountNames())
                    .translatingWith(previewTranslation());
            for (String file : files) {
                items.add(previewItem(pipeline, file));
            }
        }
        return new Preview(format, out, err, env.get(Channels.MAIL_FROM)).print(items) == 0 ? 0 : 1;
    }

    /** The terminology Amazon Translate is given, for importing it by hand (aws translate import-terminology). */
    private int glossary(List<String> args) {
        AmazonTranslate translate = new AmazonTranslate(new AwsClients(env), Glossary.bundled());
        if (args.equals(List.of("--name"))) {
            out.println(translate.terminologyName());
        } else if (args.isEmpty()) {
            out.print(translate.terminologyCsv());
        } else {
            throw new UsageException("glossary takes only --name");
        }
        return 0;
    }

    /** A pipeline that reads the state table the environment names, and never writes it or sends. */
    private NoticePipeline statePreview(Instant now) {
        if (env.get(StateTable.ENV) == null || env.get(StateTable.ENV).isBlank()) {
            throw new UsageException("--state needs " + StateTable.ENV + " (and AWS_REGION, credentials or"
                    + " AWS_ENDPOINT_URL) to name the state table to read");
        }
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        JsonLog silent = JsonLog.silent();
        Tracker tracker = Tracker.fromEnvironment(env, new AwsClients(env), clock);
        return new NoticePipeline(Enricher.NONE, List.of(), Routing.EVERYTHING, tracker, Accounts.named(accountNames()),
                clock, silent, new Metrics(silent, "preview")).translatingWith(previewTranslation());
    }

    /** The translation {@code SHIRASE_TRANSLATION} asks for, remembered for this run only; null for none. */
    private Translating previewTranslation() {
        try {
            return TranslationSetting.parse(env.get(TranslationSetting.ENV)).isEmpty() ? null
                    : Translators.forPreview(env, new AwsClients(env), JsonLog.silent());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * The names {@code SHIRASE_ACCOUNT_NAMES} gives, as the functions read them; the preview asks AWS Organizations
     * nothing. What cannot be read is said on standard error, and those accounts are shown by id.
     */
    private AccountNames accountNames() {
        AccountNames.Parsed parsed = AccountNames.parse(env.get(AccountNames.ENV));
        parsed.problems().forEach(problem -> err.println("shirase: " + problem));
        return parsed.names();
    }

    /** What the stateful path would send for one file; a table that cannot be read is the item's error. */
    private Preview.Item foreseen(NoticePipeline pipeline, String file) {
        return withFile(file, bytes -> {
            try {
                NoticePipeline.Foreseen f = pipeline.foresee(bytes, Channels.names(env),
                        Budget.of(AwsClients.CALL_TIMEOUT));
                return new Preview.Item(file, f.notice(), f.rendered(),
                        f.notice() == null ? null : f.notice().announcement().readError(), f.notSent());
            } catch (StateStore.StateUnavailableException e) {
                return new Preview.Item(file, null, e.getMessage());
            }
        });
    }

    private static Preview.Item previewItem(NoticePipeline pipeline, String file) {
        return withFile(file, bytes -> {
            try {
                var rendered = pipeline.render(bytes);
                return new Preview.Item(file, rendered, rendered.notice().announcement().readError());
            } catch (RuntimeException | Error defect) {
                // The pipeline's own fallback failed too: show what the notifier would then send, the input as received.
                String why = "could not render any notice: " + defect;
                String raw = new String(bytes, StandardCharsets.UTF_8);
                return new Preview.Item(file, null, MinimalNotice.ofRaw(raw, why), why);
            }
        });
    }

    /** The item {@code make} makes of the file's bytes, or, when the file cannot be read, one that says why. */
    private static Preview.Item withFile(String file, Function<byte[], Preview.Item> make) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            return new Preview.Item(file, null, "file not found: " + file);
        } catch (IOException e) {
            return new Preview.Item(file, null, "cannot read " + file + ": " + e.getMessage());
        }
        return make.apply(bytes);
    }

    private int invoke(List<String> args) {
        String function = "NotifyFunction";
        boolean snapStart = false;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--function" -> function = value(args, ++i, "--function");
                case "--snapstart" -> snapStart = true;
                default -> files.add(args.get(i));
            }
        }
        Optional<TemplateFunction> named = TemplateFunction.named(function);
        if (named.isEmpty()) {
            throw new UsageException("unknown function '" + function + "': use NotifyFunction or ScanFunction");
        }
        if (files.isEmpty()) {
            throw new UsageException("invoke needs at least one event file");
        }
        if (snapStart) {
            // Before the handler loads org.crac, which picks its checkpoint/restore runtime once.
            Core.use();
        }
        int registeredBefore = Core.registered();
        LocalInvoke handler;
        try {
            handler = new LocalInvoke(named.get());
        } catch (ReflectiveOperationException | RuntimeException e) {
            err.println("shirase: cannot start " + named.get().handler() + ": " + rootMessage(e));
            return 1;
        }
        long ready = System.nanoTime();
        Duration restore = null;
        if (snapStart) {
            if (Core.registered() == registeredBefore) {
                err.println("shirase: " + named.get().handler() + " registered no SnapStart hooks with org.crac"
                        + " (was org.crac loaded before --snapstart chose the local runtime?)");
                return 1;
            }
            try {
                Core.checkpoint();
                long restoring = System.nanoTime();
                Core.restore();
                restore = Duration.ofNanos(System.nanoTime() - restoring);
            } catch (Exception e) {
                err.println("shirase: a SnapStart hook failed: " + e.getMessage() + " " + List.of(e.getSuppressed()));
                return 1;
            }
        }
        int failures = 0;
        boolean first = true;
        for (String file : files) {
            byte[] event;
            try {
                event = Files.readAllBytes(Path.of(file));
            } catch (IOException e) {
                failures++;
                err.println("shirase: cannot read " + file + ": " + e.getMessage());
                continue;
            }
            try {
                out.println(handler.invoke(event, err));
            } catch (Exception e) {
                failures++;
                err.println("shirase: " + file + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            LocalInvoke.Ran ran = handler.last();
            if (ran != null) {
                // Init counts from the JVM's start to the handler built, as Lambda's init phase does.
                Duration init = first && !snapStart
                        ? InvocationReport.uptime().minus(Duration.ofNanos(System.nanoTime() - ready)) : null;
                err.println(new InvocationReport(ran.requestId(), ran.duration(), TemplateFunction.MEMORY_SIZE_MB,
                        InvocationReport.peakMemoryMb(), init, first ? restore : null).line());
                first = false;
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private int replay(List<String> args) {
        String queueUrl = null;
        OptionalInt max = OptionalInt.empty();
        boolean dryRun = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--queue-url" -> queueUrl = value(args, ++i, arg);
                case "--max" -> max = OptionalInt.of(positive(value(args, ++i, arg), arg));
                case "--dry-run" -> dryRun = true;
                default -> throw new UsageException("replay takes no '" + arg + "'");
            }
        }
        if (queueUrl == null) {
            throw new UsageException("replay needs --queue-url (the stack output FailureQueueUrl)");
        }
        if (!dryRun && !Replay.deliversSomewhere(env)) {
            throw new UsageException("replay delivers to the channels the environment configures: set SHIRASE_TOPIC_ARN"
                    + " (the stack output TopicArn) or SHIRASE_MAIL_FROM and SHIRASE_MAIL_TO, or use --dry-run");
        }
        SqsClient sqs;
        try {
            sqs = new AwsClients(env).sqs();
        } catch (RuntimeException e) {
            err.println("shirase: cannot read the queue: " + rootMessage(e));
            return 1;
        }
        return new Replay(sqs, queueUrl, LocalInvoke::new, out, err).run(max, dryRun);
    }

    private int state(List<String> args) {
        if (args.isEmpty() || !args.getFirst().equals("init")) {
            throw new UsageException(args.isEmpty() ? "state needs a command: init"
                    : "unknown state command '" + args.getFirst() + "': use init");
        }
        String table = null;
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--table")) {
                table = value(args, ++i, arg);
            } else {
                throw new UsageException("state init takes no '" + arg + "'");
            }
        }
        if (table == null) {
            table = env.get(StateTable.ENV);
        }
        if (table == null || table.isBlank()) {
            throw new UsageException("state init needs the table's name: --table NAME, or " + StateTable.ENV);
        }
        DynamoDbClient dynamoDb;
        try {
            dynamoDb = new AwsClients(env).dynamoDb();
        } catch (RuntimeException e) {
            err.println("shirase: cannot reach DynamoDB: " + rootMessage(e));
            return 1;
        }
        return new StateInit(dynamoDb, out, err).run(table);
    }

    private static int positive(String text, String option) {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new UsageException(option + " takes a whole number above 0: " + text);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(index);
    }

    /** {@code 2026-11-24T09:00:00+09:00}, {@code 2026-11-24T00:00:00Z}, or a date (its start in JST). */
    static Instant parseNow(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(text).atStartOfDay(dev.shirase.notice.Jst.ZONE).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new UsageException("--now takes an ISO-8601 date-time with offset or a date: " + text);
            }
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
