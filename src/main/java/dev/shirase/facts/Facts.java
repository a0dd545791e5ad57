package dev.shirase.facts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

/**
 * What an AWS English text states, read from the text alone: versions and what becomes of them, Lambda runtimes,
 * products, update and certificate ids, dates with what they are for, downtime, counts, charges, and "when" phrases
 * that stand in for a date. Nothing here is inferred beyond the words; a list is empty when the text says nothing of
 * its kind. Each list keeps at most {@link #MAX_PER_KIND} entries, in the order of the text.
 *
 * @param upgrades     versions that change: from what (possibly none stated) to what (possibly none stated)
 * @param endOfSupport versions whose support the text says ends
 * @param versions     every version the text names, with its product when the text gives one
 * @param runtimes     Lambda runtimes
 * @param products     engines and products named ({@code Aurora PostgreSQL}, {@code Apache Kafka}), first mention first
 * @param identifiers  CVEs, ElastiCache service updates, OpenSearch service software, RDS certificate authorities
 * @param dates        stated dates after the time the text was written, with what each is for
 * @param downtimes    stated durations of downtime
 * @param counts       how many resources the text says are affected
 * @param charges      charges the text announces
 * @param whens        when AWS acts, where the text says so without a date
 */
public record Facts(
        List<Upgrade> upgrades,
        List<Version> endOfSupport,
        List<Version> versions,
        List<Runtime> runtimes,
        List<String> products,
        List<Identifier> identifiers,
        List<StatedDate> dates,
        List<Downtime> downtimes,
        List<Count> counts,
        List<Charge> charges,
        List<When> whens) {

    /** A notice states a handful of each kind; more is a list AWS pasted in, or hostile text. */
    public static final int MAX_PER_KIND = 20;

    public static final Facts NONE = new Facts(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of(), List.of());

    public Facts {
        upgrades = capped(upgrades);
        endOfSupport = capped(endOfSupport);
        versions = capped(versions);
        runtimes = capped(runtimes);
        products = capped(products);
        identifiers = capped(identifiers);
        dates = capped(dates);
        downtimes = capped(downtimes);
        counts = capped(counts);
        charges = capped(charges);
        whens = capped(whens);
    }

    /** The facts of {@code englishText}, every date kept. */
    public static Facts extract(String englishText) {
        return FactReader.read(englishText, null);
    }

    /**
     * The facts of {@code englishText}; dates more than a day before {@code writtenAt} (when the text was written or last
     * updated) tell history ("in July 2026 we notified you"), not what is coming, and are left out. Null keeps them all.
     */
    public static Facts extract(String englishText, Instant writtenAt) {
        return FactReader.read(englishText, writtenAt);
    }

    /** How many facts in all. */
    public int size() {
        return Stream.of(upgrades, endOfSupport, versions, runtimes, products, identifiers, dates, downtimes, counts,
                charges, whens).mapToInt(List::size).sum();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** The Kubernetes versions among {@link #versions()} ({@code 1.29}). */
    public List<String> kubernetesVersions() {
        return versions.stream().filter(v -> Version.KUBERNETES.equals(v.product())).map(Version::number).toList();
    }

    private static <T> List<T> capped(List<T> list) {
        return list.size() <= MAX_PER_KIND ? List.copyOf(list) : List.copyOf(list.subList(0, MAX_PER_KIND));
    }

    /**
     * A version as the text writes it.
     *
     * @param product the product it belongs to ({@code Aurora PostgreSQL}), or null when the text names none before it
     * @param number  the version itself ({@code 15.7}, {@code 5.7.44-RDS.20240208}, {@code 1.29})
     */
    public record Version(String product, String number) {
        public static final String KUBERNETES = "Kubernetes";
    }

    /**
     * A change of version the text states or recommends.
     *
     * @param from    the versions being left (may be empty: "upgrade to 15.12 or higher")
     * @param to      the version to move to, or null when the text names none
     * @param orLater the text says "or later" / "or higher" of {@code to}
     * @param example {@code to} is an example ("a newer major version, such as PostgreSQL 17"), not the one target
     */
    public record Upgrade(List<Version> from, Version to, boolean orLater, boolean example) {
        public Upgrade {
            from = capped(from);
        }
    }

    /**
     * A Lambda runtime.
     *
     * @param name       the runtime's name as Lambda writes it ({@code Python 3.9}, {@code Node.js 18}, {@code .NET 6})
     * @param identifier the runtime identifier when the text states it ({@code python3.9}, {@code java8.al2}), or null
     * @param target     the text names it as the runtime to move to ("upgrade to Python 3.12")
     */
    public record Runtime(String name, String identifier, boolean target) {
    }

    public record Identifier(Kind kind, String value) {
        public enum Kind {
            CVE,
            /** {@code elasticache-20241011-001} */
            ELASTICACHE_UPDATE,
            /** OpenSearch service software: {@code R20240101-P1}, {@code OpenSearch_2_11_R20231113-P1} */
            SERVICE_SOFTWARE,
            /** {@code rds-ca-rsa2048-g1} */
            CERTIFICATE_AUTHORITY
        }
    }

    /**
     * A date the text states, and what it is for.
     *
     * @param firstWindowOnOrAfter AWS acts in a maintenance window on or after this date, not at this exact time
     */
    public record StatedDate(Instant at, Purpose purpose, boolean firstWindowOnOrAfter) {
    }

    /** What a stated date is for, from the words beside it. */
    public enum Purpose {
        /** AWS applies it automatically from this date. */
        AUTO_APPLY_FROM,
        /** AWS applies it on this date whatever the maintenance window ("regardless of"). */
        FORCED_APPLY,
        /** Act before this date. */
        ACT_BY,
        /** AWS will do it on (or from) this date. */
        SCHEDULED,
        END_OF_STANDARD_SUPPORT,
        END_OF_EXTENDED_SUPPORT,
        /** End of support, end of life, without saying which support. */
        END_OF_SUPPORT,
        /** A runtime or version is deprecated on this date. */
        DEPRECATION,
        /** Something (a certificate) expires on this date. */
        EXPIRES,
        /** From this date no new resource can be created with it. */
        BLOCK_CREATE,
        /** From this date existing resources can no longer be updated with it. */
        BLOCK_UPDATE,
        /** Charges start (see {@link Facts#charges()}). */
        CHARGES_FROM,
        /** A date the words beside it do not explain. */
        OTHER
    }

    /**
     * A stated downtime: {@code a few minutes}, {@code up to 10 minutes}, {@code 60 to 120 seconds}.
     *
     * @param low   the amount, or the lower end of a range; 0 for "a few"
     * @param high  the upper end of a range, else equal to {@code low}
     * @param scope the deployment it is stated for, where the same clause says so
     */
    public record Downtime(Amount amount, int low, int high, ChronoUnit unit, Scope scope) {
        public enum Amount { FEW, ABOUT, UP_TO, LESS_THAN, RANGE, EXACT }

        public enum Scope { ANY, SINGLE_AZ, MULTI_AZ }
    }

    /**
     * A stated number of affected resources: {@code 3 instances}, {@code one or more of your DB instances}.
     *
     * @param orMore "one or more": {@code number} is a lower bound
     */
    public record Count(int number, boolean orMore, Noun noun) {
        public enum Noun {
            DB_INSTANCE, DB_CLUSTER, INSTANCE, CLUSTER, DATABASE, FUNCTION, BROKER, NODE, DOMAIN, TASK,
            REPLICATION_GROUP, RESOURCE
        }
    }

    /**
     * A charge the text announces.
     *
     * @param from the date it starts, or null when the text gives none
     * @param year the year of RDS Extended Support pricing the date starts ({@code Year 3}), 0 when not stated
     */
    public record Charge(Kind kind, Instant from, int year, Rate rate) {
        public enum Kind { EXTENDED_SUPPORT, ADDITIONAL }

        public enum Rate { NOT_STATED, PER_VCPU_HOUR, PER_ACU_HOUR }
    }

    /**
     * When AWS acts, said without a date.
     *
     * @param amount              how many {@code unit}s ("over the next three weeks"), 0 for "few" or not stated
     * @param unit                days, weeks or months, or null when the phrase has none
     * @param inMaintenanceWindow the same sentence says it happens in the maintenance window
     */
    public record When(Kind kind, int amount, ChronoUnit unit, boolean inMaintenanceWindow, Action action) {
        public enum Kind {
            /** "during your next maintenance window" */
            NEXT_MAINTENANCE_WINDOW,
            /** "over the next three weeks" */
            OVER_NEXT,
            /** "in the coming weeks" */
            COMING,
            /** "during your maintenance window", with nothing more precise */
            MAINTENANCE_WINDOW
        }

        /** What the sentence says happens then. */
        public enum Action { APPLY, REBOOT, UNSPECIFIED }
    }
}
