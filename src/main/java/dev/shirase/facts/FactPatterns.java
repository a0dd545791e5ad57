package dev.shirase.facts;

import dev.shirase.facts.Facts.Count;
import dev.shirase.facts.Facts.Identifier;
import dev.shirase.facts.Facts.Purpose;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The words AWS uses for each kind of fact, as data. Every pattern reads the lower-cased text and is bounded: each
 * quantifier either has a limit or is possessive before something it cannot eat, so a match attempt does a bounded
 * amount of work wherever it starts, and a whole scan is linear in the text.
 */
final class FactPatterns {

    /** A product, most specific first ("aurora postgresql" before "postgresql"), and the name a reader knows it by. */
    record Product(String words, String name) {
    }

    static final List<Product> PRODUCTS = List.of(
            new Product("aurora[ -]postgresql", "Aurora PostgreSQL"),
            new Product("aurora[ -]mysql", "Aurora MySQL"),
            new Product("rds for postgresql", "RDS for PostgreSQL"),
            new Product("rds for mysql", "RDS for MySQL"),
            new Product("rds for mariadb", "RDS for MariaDB"),
            new Product("rds for oracle", "RDS for Oracle"),
            new Product("rds for sql server", "RDS for SQL Server"),
            new Product("rds for db2", "RDS for Db2"),
            new Product("postgresql", "PostgreSQL"),
            new Product("mysql", "MySQL"),
            new Product("mariadb", "MariaDB"),
            new Product("oracle", "Oracle"),
            new Product("sql server", "SQL Server"),
            new Product("db2", "Db2"),
            new Product("documentdb", "DocumentDB"),
            new Product("neptune", "Neptune"),
            new Product("apache kafka", "Apache Kafka"),
            new Product("kafka", "Apache Kafka"),
            new Product("opensearch", "OpenSearch"),
            new Product("elasticsearch", "Elasticsearch"),
            new Product("redis oss", "Redis OSS"),
            new Product("redis", "Redis"),
            new Product("valkey", "Valkey"),
            new Product("memcached", "Memcached"),
            new Product("amazon linux", "Amazon Linux"),
            new Product("kubernetes", Facts.Version.KUBERNETES),
            new Product("amazon eks", Facts.Version.KUBERNETES),
            new Product("eks", Facts.Version.KUBERNETES));

    /** Any product of {@link #PRODUCTS}, as a whole word; group 1 is the product's words. */
    static final Pattern PRODUCT = Pattern.compile("(?<![a-z0-9_-])("
            + String.join("|", PRODUCTS.stream().map(Product::words).toList())
            + ")(?:-compatible(?: edition)?)?(?![a-z0-9_])");

    /**
     * A version number: digits, then dotted parts, which may be letters-then-digits as RDS writes them
     * ({@code 5.7.44-rds.20240208.r2.20240210}, {@code 19.0.0.0.ru-2024-04.rur-2024-04.r1}, {@code 1.x}).
     */
    private static final String NUMBER = "\\d{1,4}(?:\\.(?:\\d{1,8}|x)(?![a-z])|[.-][a-z]{1,3}[.-]?\\d[0-9a-z-]{0,16}){0,8}";

    /** Right after a product: "version 15.7", "major version 11", "15.7"; group 1 is the number. */
    static final Pattern VERSION_AFTER_PRODUCT = Pattern.compile(
            "(?:\\s{1,3}(?:db\\s)?(?:major|minor|engine)){0,2}(?:\\s{1,3}versions?)?\\s{1,3}v?(" + NUMBER + ")");

    /**
     * A version without a product right before it, after words that make it one: "to 15.12", "from 13.9",
     * "versions 14.8", "running 14.4". Two or three parts only, and not part of a longer dotted run: an IP address
     * is not a version. Group 1 is the cue, group 2 the number.
     */
    static final Pattern BARE_VERSION = Pattern.compile(
            "(?<![a-z0-9])(from|to|running|such as|versions?)\\s{1,3}(?:version\\s{1,3})?v?"
                    + "(\\d{1,4}\\.\\d{1,4}(?:\\.\\d{1,4})?)(?!\\.?\\d)(?![a-z0-9-])");

    /** The next item of a list of versions: ", 14.3", " and 11.16", ", or 12.9"; group 1 is the number. */
    static final Pattern NEXT_IN_LIST = Pattern.compile(
            "(?:\\s{1,3}(?:or|and)\\s{1,3}(?:later|higher|newer|above))?"
            + "(?:\\s{0,2},\\s{0,3}(?:(?:and|or)\\s{1,3})?|\\s{1,3}(?:and|or)\\s{1,3})v?(" + NUMBER + ")(?![a-z0-9])");

    static final Pattern OR_LATER = Pattern.compile(
            "^\\s{0,3},?\\s{0,3}(?:or|and)\\s{1,3}(?:a\\s{1,3})?(?:later|higher|newer|above|greater)");

    /** Words right before a version that make it the target. */
    static final Pattern TARGET_BEFORE = Pattern.compile("(?:\\bto|such as|latest|recommend(?:ed)?|target)\\s{1,3}"
            + "(?:(?:a|the|newer|later|latest|recommended|minor|major|engine|versions?|amazon)\\s{1,3}){0,4}$");
    static final Pattern EXAMPLE_BEFORE = Pattern.compile("such as\\s{1,3}(?:amazon\\s{1,3})?$");
    /** Words right before a version that make it the one being run or left. */
    static final Pattern CURRENT_BEFORE = Pattern.compile("\\b(?:from|running|runs|run|using|uses|use|on|with)\\s{1,3}"
            + "(?:(?:your|the|amazon|minor|major|engine|versions?|db)\\s{1,3}){0,4}$");
    /** "PostgreSQL 14 reaches end of standard support", "... will reach the end of life". */
    static final Pattern SUPPORT_ENDS_AFTER = Pattern.compile(
            "^(?:[^.;]|\\.\\d){0,60}?\\b(?:reach(?:es)?|reached|reaching)\\s{1,3}(?:the\\s{1,3})?(?:end of|end-of)|"
                    + "^\\s{0,3}(?:end of|end-of)\\s{1,3}(?:standard\\s{1,3}|extended\\s{1,3})?(?:support|life)");
    /** "end of standard support for PostgreSQL 14". */
    static final Pattern SUPPORT_ENDS_BEFORE = Pattern.compile(
            "(?:end of|end-of)\\s{1,3}(?:rds\\s{1,3})?(?:standard\\s{1,3}|extended\\s{1,3})?(?:support|life)"
                    + "(?:\\s{1,3}date)?\\s{1,3}(?:for|of)\\s{1,3}(?:(?:amazon|the|your|major|minor|versions?)\\s{1,3}){0,3}$");

    /** Lambda runtimes, by the name or the identifier; the groups are read by {@link FactReader}. */
    static final Pattern RUNTIME = Pattern.compile("(?<![a-z0-9.])(?:"
            + "(python)\\s{0,2}(\\d\\.\\d{1,2})(?!\\.?\\d)"
            + "|(node\\.?js)\\s{0,2}(\\d{1,2})(\\.x)?(?!\\.?\\d)"
            + "|(java)\\s{0,2}(\\d{1,2})(\\.al2(?:023)?)?(?!\\.?\\d)"
            + "|(\\.net|dotnet)(\\s?core)?\\s{0,2}(\\d{1,2}(?:\\.\\d)?)(?!\\.?\\d)"
            + "|(ruby)\\s{0,2}(\\d\\.\\d)(?!\\.?\\d)"
            + "|(go)\\s{0,2}(1\\.x)"
            + "|(provided)(\\.al2(?:023)?))");

    static final Pattern CVE = Pattern.compile("\\bcve-\\d{4}-\\d{4,7}\\b");
    static final Pattern ELASTICACHE_UPDATE = Pattern.compile("\\belasticache-\\d{8}-\\d{1,4}\\b");
    static final Pattern SERVICE_SOFTWARE = Pattern.compile(
            "(?<![a-z0-9])(?:(?:opensearch|elasticsearch)_\\d{1,2}_\\d{1,2}_)?r20\\d{6}(?:-p\\d{1,3})?(?![a-z0-9])");
    static final Pattern CERTIFICATE_AUTHORITY = Pattern.compile(
            "(?<![a-z0-9-])rds-ca-[a-z0-9]{1,12}(?:-[a-z0-9]{1,12}){0,3}(?![a-z0-9])");
    static final Map<Identifier.Kind, Pattern> IDENTIFIERS = Map.of(
            Identifier.Kind.CVE, CVE,
            Identifier.Kind.ELASTICACHE_UPDATE, ELASTICACHE_UPDATE,
            Identifier.Kind.SERVICE_SOFTWARE, SERVICE_SOFTWARE,
            Identifier.Kind.CERTIFICATE_AUTHORITY, CERTIFICATE_AUTHORITY);

    /** Numbers as AWS writes them in prose. */
    static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("twelve", 12), Map.entry("fifteen", 15),
            Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("sixty", 60), Map.entry("ninety", 90));
    private static final String AMOUNT = "(\\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen"
            + "|twenty|thirty|sixty|ninety)";

    /**
     * A duration: "a few minutes" (groups 1, 2), or "up to 10 minutes", "60 to 120 seconds", "approximately 30
     * seconds" (prefix 3, low 4, high 5, unit 6).
     */
    static final Pattern DURATION = Pattern.compile("(?<![a-z0-9.:])(?:(?:a few|several)\\s{1,3}(seconds|minutes|hours)"
            + "|(?:(up to|approximately|about|around|roughly|less than|under|between|within)\\s{1,3})?" + AMOUNT
            + "(?:\\s{0,2}(?:to|-|–|and)\\s{0,2}" + AMOUNT + ")?\\s{0,2}(seconds?|secs?|minutes?|mins?|hours?)\\b)");
    /** Words that make a duration a downtime. */
    static final Pattern DOWNTIME_WORDS = Pattern.compile("downtime|unavailab|interrupt|outage|offline|reboot|restart"
            + "|failover|fail over|disconnect|connectivity|down for|unable to connect|brief");
    static final Pattern SINGLE_AZ = Pattern.compile("single-az|single az");
    static final Pattern MULTI_AZ = Pattern.compile("multi-az|multi az");

    /** "3 instances", "one or more of your Amazon RDS DB instances"; group 1 the amount, 2 "db", 3 the noun. */
    /** Words that may stand between a number and what it counts: "3 of your Amazon RDS DB instances". */
    private static final String SERVICE_WORDS = "amazon|aws|rds|aurora|ec2|lambda|msk|elasticache|opensearch|service"
            + "|documentdb|neptune|postgresql|mysql|mariadb|oracle|postgresql-compatible|mysql-compatible|edition"
            + "|serverless|v2|for|redis|oss|valkey|memcached|affected|eks|ecs|fargate|db";
    /** "3 instances", "one or more of your Amazon RDS DB instances"; group 1 the amount, 2 the words between, 3 the noun. */
    static final Pattern COUNT = Pattern.compile("(?<![a-z0-9.,:/-])(\\d{1,5}|one or more|one|two|three|four|five|six"
            + "|seven|eight|nine|ten)\\s{1,3}(?:of\\s{1,3}(?:your|the)\\s{1,3}|affected\\s{1,3})?((?:" + SERVICE_WORDS
            + ")\\s{1,3}){0,6}(instances?|clusters?|databases?|functions?|brokers?|nodes?|domains?|tasks?"
            + "|replication groups?|resources?)\\b");
    static final Map<String, Count.Noun> NOUNS = Map.ofEntries(
            Map.entry("instance", Count.Noun.INSTANCE), Map.entry("cluster", Count.Noun.CLUSTER),
            Map.entry("database", Count.Noun.DATABASE), Map.entry("function", Count.Noun.FUNCTION),
            Map.entry("broker", Count.Noun.BROKER), Map.entry("node", Count.Noun.NODE),
            Map.entry("domain", Count.Noun.DOMAIN), Map.entry("task", Count.Noun.TASK),
            Map.entry("replication group", Count.Noun.REPLICATION_GROUP), Map.entry("resource", Count.Noun.RESOURCE));

    static final Pattern NEXT_WINDOW = Pattern.compile("\\b(?:during|in|at)\\s{1,3}(?:the\\s{1,3}|your\\s{1,3})?next"
            + "\\s{1,3}(?:scheduled\\s{1,3}|preferred\\s{1,3})?maintenance window");
    /** "over the next three weeks"; group 1 the amount, 2 the unit. */
    static final Pattern OVER_NEXT = Pattern.compile("\\b(?:over|in|within|during)\\s{1,3}the\\s{1,3}next\\s{1,3}"
            + "(" + AMOUNT.substring(1, AMOUNT.length() - 1) + "|few|several|couple of)\\s{1,3}(days?|weeks?|months?)\\b");
    /** "in the coming weeks"; group 1 the unit. */
    static final Pattern COMING = Pattern.compile(
            "\\b(?:in|over|during)\\s{1,3}the\\s{1,3}(?:coming|upcoming)\\s{1,3}(days|weeks|months)\\b");
    static final Pattern ANY_WINDOW = Pattern.compile("\\b(?:during|in|within)\\s{1,3}(?:your|the|its|their)\\s{1,3}"
            + "(?:scheduled\\s{1,3}|preferred\\s{1,3}|weekly\\s{1,3})?maintenance windows?\\b");
    static final Pattern MAINTENANCE_WINDOW = Pattern.compile("maintenance window");
    static final Pattern REBOOT_WORDS = Pattern.compile("\\b(?:reboot|restart)");
    static final Pattern APPLY_WORDS = Pattern.compile("\\b(?:appl|patch|updat|upgrad)");
    /** "not", "no" right before a phrase: "will not be applied", "at no additional charge". */
    static final Pattern NEGATED = Pattern.compile("\\b(?:not|no|never|without|n't)\\s{1,3}(?:\\w{1,12}\\s{1,3}){0,2}$");

    /** The words right before a date that make it a deadline: "before", "by", "no later than". */
    static final Pattern ACT_BY_RIGHT_BEFORE = Pattern.compile(
            "\\b(?:before|by|no later than|prior to)\\s{1,3}(?:the\\s{1,3})?$");
    /** "applies until", "through": the end of a period, which is not what the period is about. */
    static final Pattern UNTIL_RIGHT_BEFORE = Pattern.compile("\\b(?:until|through)\\s{1,3}$");
    /** Where the clause a date stands in begins: "..., and charges begin on March 1". */
    static final Pattern CLAUSE_BREAK = Pattern.compile(";|, (?:and|or|but|while|after which|when) ");
    static final Pattern COMPATIBLE_WITH = Pattern.compile("compatible with\\s{1,3}$");

    /** What a date is for, from the words beside it, first match first. */
    record DateCue(Pattern words, Purpose purpose) {
    }

    static final List<DateCue> DATE_CUES = List.of(
            cue("charg|pric(?:e|ing)|\\bbill", Purpose.CHARGES_FROM),
            cue("block(?:ed|s)? (?:function )?creat|(?:no longer|not) be able to create|can no longer create"
                    + "|cannot create|creation of new", Purpose.BLOCK_CREATE),
            cue("block(?:ed|s)? (?:function )?updat|(?:no longer|not) be able to update|can no longer update"
                    + "|cannot update", Purpose.BLOCK_UPDATE),
            cue("end of (?:rds )?extended support|extended support (?:ends|will end|end date)",
                    Purpose.END_OF_EXTENDED_SUPPORT),
            // "Standard support for <a long product name> ends on": the subject and its verb may stand apart.
            cue("end of (?:rds )?standard support|standard support\\b[^.;]{0,100}?\\b(?:ends|will end|end date)",
                    Purpose.END_OF_STANDARD_SUPPORT),
            cue("end of support|end-of-support|end of life|end-of-life|\\bsupport\\b[^.;]{0,100}?\\b(?:ends|will end)"
                    + "|\\bend(?:s|ing)? support",
                    Purpose.END_OF_SUPPORT),
            cue("deprecat", Purpose.DEPRECATION),
            cue("expir", Purpose.EXPIRES),
            cue("regardless of|\\bforce", Purpose.FORCED_APPLY),
            cue("automatic", Purpose.AUTO_APPLY_FROM),
            cue("\\b(?:before|until|no later than|prior to|deadline)\\b", Purpose.ACT_BY),
            cue("\\bscheduled for\\b|\\bwill\\b[^.;]{0,80}?\\b(?:upgrad|updat|appl|reboot|restart|retir|stop|terminat|replac|patch|rotat"
                    + "|migrat|begin|start)", Purpose.SCHEDULED));

    /** The words before a date that make AWS act in a window from that date rather than at it. */
    static final Pattern FROM_RIGHT_BEFORE = Pattern.compile(
            "\\b(?:on or after|after|beginning|starting|from|between|on)\\s{1,3}(?:on\\s{1,3})?$");
    static final Pattern EXTENDED_SUPPORT = Pattern.compile("extended support");
    static final Pattern SUPPORT_YEAR = Pattern.compile("\\byear\\s{1,3}(\\d)\\b");
    static final Pattern PER_VCPU = Pattern.compile("per vcpu");
    static final Pattern PER_ACU = Pattern.compile("per acu");
    /** A charge stated without a date: "Extended Support charges", "additional charges". */
    static final Pattern CHARGE_WORDS = Pattern.compile("\\b(?:(extended support)\\s{1,3}(?:charges?|fees?|pricing)"
            + "|charges?\\s{1,3}for\\s{1,3}(?:rds\\s{1,3})?(extended support)|additional\\s{1,3}(?:charges?|costs?|fees?))");

    private static DateCue cue(String regex, Purpose purpose) {
        return new DateCue(Pattern.compile(regex), purpose);
    }

    private FactPatterns() {
    }
}
