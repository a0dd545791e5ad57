package dev.shirase.facts;

import static dev.shirase.facts.FactPatterns.*;

import dev.shirase.classify.AnalysedText;
import dev.shirase.classify.TextDates;
import dev.shirase.facts.Facts.Charge;
import dev.shirase.facts.Facts.Count;
import dev.shirase.facts.Facts.Downtime;
import dev.shirase.facts.Facts.Identifier;
import dev.shirase.facts.Facts.Purpose;
import dev.shirase.facts.Facts.Runtime;
import dev.shirase.facts.Facts.StatedDate;
import dev.shirase.facts.Facts.Upgrade;
import dev.shirase.facts.Facts.Version;
import dev.shirase.facts.Facts.When;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@link Facts} from an English text: each kind of fact in one scan of the text, each match looked around once. */
final class FactReader {
    /** How far either side of a match its meaning is looked for, within its sentence. */
    private static final int REACH = 160;
    /** How far a version list or a cue is looked for right beside a version. */
    private static final int NEAR = 60;
    /** Version mentions read before pairing them; more is a pasted table, whose head is enough. */
    private static final int MAX_MENTIONS = 200;

    private final TextIndex text;

    private FactReader(TextIndex text) {
        this.text = text;
    }

    static Facts read(String english, Instant writtenAt) {
        if (english == null || english.isBlank()) {
            return Facts.NONE;
        }
        FactReader reader = new FactReader(new TextIndex(AnalysedText.of(english)));
        Versions versions = reader.versions();
        List<StatedDate> dates = new ArrayList<>();
        List<Charge> charges = new ArrayList<>();
        reader.dates(writtenAt, dates, charges);
        reader.undatedCharges(charges);
        return new Facts(versions.upgrades(), versions.endOfSupport(), versions.all(), reader.runtimes(),
                versions.products(), reader.identifiers(), dates, reader.downtimes(versions), reader.counts(versions),
                charges, reader.whens(dates));
    }

    // ---- versions ----

    private enum Role { CURRENT, TARGET, END_OF_SUPPORT, MENTIONED }

    /** Versions written together ("14.4, 14.3 and 13.7"), with the role the words around them give all of them. */
    private record Mention(int start, int numbersStart, int end, String product, List<String> numbers, Role role,
            boolean orLater, boolean example) {

        Mention named(String name) {
            return new Mention(start, numbersStart, end, name, numbers, role, orLater, example);
        }
    }

    /** "PostgreSQL 12" in a text about "RDS for PostgreSQL" is that engine: one name, so one version, not two. */
    private static String rdsFor(String product, Set<String> products) {
        String rds = "RDS for " + product;
        return products.contains(rds) ? rds : product;
    }

    private record Versions(List<Upgrade> upgrades, List<Version> endOfSupport, List<Version> all,
            List<String> products, List<Mention> mentions) {

        /** Whether {@code at} is inside a version mention's numbers ("PostgreSQL 14 instances" is not 14 instances). */
        boolean covers(int at) {
            for (Mention m : mentions) {
                if (m.numbersStart() <= at && at < m.end()) {
                    return true;
                }
            }
            return false;
        }
    }

    private Versions versions() {
        Set<String> products = new LinkedHashSet<>();
        List<Mention> mentions = new ArrayList<>();
        List<Integer> productAt = new ArrayList<>();
        List<String> productNames = new ArrayList<>();
        Matcher product = text.matcher(PRODUCT);
        Matcher version = text.matcher(VERSION_AFTER_PRODUCT);
        while (product.find() && mentions.size() < MAX_MENTIONS) {
            if (text.inUrl(product.start())) {
                continue;
            }
            String name = productName(product.group(1));
            if (products.size() < Facts.MAX_PER_KIND) {
                products.add(name);
            }
            productAt.add(product.start());
            productNames.add(name);
            version.region(product.end(), Math.min(text.length(), product.end() + NEAR));
            if (version.lookingAt()) {
                mentions.add(mention(product.start(), version.start(1), version.end(), name, null));
            }
        }
        // Versions without a product are read as far as those with one were, so that targets meet what they replace.
        int readTo = mentions.size() < MAX_MENTIONS ? text.length() : mentions.getLast().end();
        Matcher bare = text.matcher(BARE_VERSION).region(0, readTo);
        int productIndex = 0;
        String lastProduct = null;
        List<Mention> bareMentions = new ArrayList<>();
        while (bare.find() && bareMentions.size() < MAX_MENTIONS) {
            int at = bare.start(2);
            while (productIndex < productAt.size() && productAt.get(productIndex) < bare.start()) {
                lastProduct = productNames.get(productIndex++);
            }
            if (text.inUrl(at) || coveredBy(mentions, at)) {
                continue;
            }
            Mention m = mention(bare.start(), at, bare.end(), lastProduct, bare.group(1));
            bareMentions.add(m);
            bare.region(Math.min(m.end(), readTo), readTo);
        }
        mentions.addAll(bareMentions);
        mentions.sort(Comparator.comparingInt(Mention::start));
        List<Mention> named = mentions.stream().map(m -> m.product() == null ? m : m.named(rdsFor(m.product(), products)))
                .toList();
        return pair(named, products.stream().map(p -> rdsFor(p, products)).distinct().toList());
    }

    private static boolean coveredBy(List<Mention> mentions, int at) {
        for (Mention m : mentions) {
            if (m.start() <= at && at < m.end()) {
                return true;
            }
        }
        return false;
    }

    /** The versions from {@code numbersStart} on, the list after them, and the role the words around them give. */
    private Mention mention(int start, int numbersStart, int firstEnd, String product, String cue) {
        List<String> numbers = new ArrayList<>();
        numbers.add(text.original().substring(numbersStart, firstEnd));
        int end = firstEnd;
        Matcher next = text.matcher(NEXT_IN_LIST);
        while (numbers.size() < Facts.MAX_PER_KIND) {
            next.region(end, Math.min(text.length(), end + NEAR));
            if (!next.lookingAt()) {
                break;
            }
            numbers.add(text.original().substring(next.start(1), next.end(1)));
            end = next.end();
        }
        String before = text.before(start, NEAR, 0);
        String after = text.after(end, NEAR, text.length());
        boolean orLater = OR_LATER.matcher(after).find();
        Role role;
        boolean example = false;
        if (COMPATIBLE_WITH.matcher(before).find()) {
            // "Aurora MySQL version 2 (compatible with MySQL 5.7)": what the version is like, not a second version
            role = Role.MENTIONED;
        } else if (SUPPORT_ENDS_AFTER.matcher(after).find() || SUPPORT_ENDS_BEFORE.matcher(before).find()) {
            role = Role.END_OF_SUPPORT;
        } else if ("such as".equals(cue) || cue == null && EXAMPLE_BEFORE.matcher(before).find()) {
            role = Role.TARGET;
            example = true;
        } else if ("to".equals(cue)) {
            role = Role.TARGET;
        } else if ("from".equals(cue) || "running".equals(cue)) {
            role = Role.CURRENT;
        } else if (TARGET_BEFORE.matcher(before).find() || orLater) {
            role = Role.TARGET;
        } else if (CURRENT_BEFORE.matcher(before).find()) {
            role = Role.CURRENT;
        } else {
            role = Role.MENTIONED;
        }
        return new Mention(start, numbersStart, end, product, numbers, role, orLater, example);
    }

    /**
     * Each version being left goes with the target of its product that shares most of its leading parts and is
     * higher: "14.4, 13.7 ... to 14.8, 13.11" gives 14.4 → 14.8 and 13.7 → 13.11. A version the text only mentions
     * joins a target only this way; one the text says is run or left stays even without a target.
     */
    private static Versions pair(List<Mention> mentions, List<String> products) {
        Set<Version> all = new LinkedHashSet<>();
        Set<Version> endOfSupport = new LinkedHashSet<>();
        Map<Version, Target> targets = new LinkedHashMap<>();
        List<Placed> current = new ArrayList<>();
        List<Placed> mentioned = new ArrayList<>();
        List<Placed> ends = new ArrayList<>();
        for (Mention m : mentions) {
            for (String number : m.numbers()) {
                Version v = new Version(m.product(), number);
                all.add(v);
                switch (m.role()) {
                    case END_OF_SUPPORT -> {
                        endOfSupport.add(v);
                        ends.add(new Placed(v, m.start()));
                    }
                    case TARGET -> targets.putIfAbsent(v,
                            new Target(v, m.start(), m.orLater(), m.example(), new LinkedHashSet<>()));
                    case CURRENT -> current.add(new Placed(v, m.start()));
                    case MENTIONED -> mentioned.add(new Placed(v, m.start()));
                }
            }
        }
        List<Version> unpaired = new ArrayList<>();
        for (Placed p : current) {
            Target t = bestTarget(p, targets.values());
            if (t == null) {
                if (!targets.containsKey(p.version())) {
                    unpaired.add(p.version());
                }
            } else {
                t.from().add(p.version());
            }
        }
        for (Placed p : mentioned) {
            Target t = bestTarget(p, targets.values());
            if (t != null && !endOfSupport.contains(p.version())) {
                t.from().add(p.version());
            }
        }
        // A version whose support ends is the one being left, where the text names no other for its target.
        Map<Target, List<Version>> ending = new java.util.IdentityHashMap<>();
        for (Placed p : ends) {
            Target t = bestTarget(p, targets.values());
            if (t != null && t.from().isEmpty()) {
                ending.computeIfAbsent(t, k -> new ArrayList<>()).add(p.version());
            }
        }
        ending.forEach((t, versions) -> t.from().addAll(versions));
        List<Upgrade> upgrades = new ArrayList<>();
        for (Target t : targets.values()) {
            upgrades.add(new Upgrade(List.copyOf(t.from()), t.to(), t.orLater(), t.example()));
        }
        List<Version> left = unpaired.stream().distinct().filter(v -> !endOfSupport.contains(v)).toList();
        if (!left.isEmpty()) {
            upgrades.add(new Upgrade(left, null, false, false));
        }
        return new Versions(upgrades, List.copyOf(endOfSupport), List.copyOf(all), products, mentions);
    }

    /** A version and where the text names it. */
    private record Placed(Version version, int at) {
    }

    private record Target(Version to, int at, boolean orLater, boolean example, Set<Version> from) {
    }

    /** The higher target of the same product sharing most leading parts; of those, the one named nearest. */
    private static Target bestTarget(Placed from, Iterable<Target> targets) {
        Version v = from.version();
        Target best = null;
        int bestShared = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (Target t : targets) {
            if (t.example() || !sameProduct(v, t.to()) || VersionOrder.compare(v.number(), t.to().number()) >= 0) {
                continue;
            }
            int shared = VersionOrder.sharedLeadingParts(v.number(), t.to().number());
            int distance = Math.abs(t.at() - from.at());
            if (shared > bestShared || shared == bestShared && distance < bestDistance) {
                best = t;
                bestShared = shared;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static boolean sameProduct(Version a, Version b) {
        return a.product() == null || b.product() == null || a.product().equals(b.product());
    }

    private static String productName(String words) {
        for (Product p : PRODUCTS) {
            if (p.words().indexOf('[') < 0 ? p.words().equals(words) : words.matches(p.words())) {
                return p.name();
            }
        }
        return words;
    }

    // ---- runtimes and identifiers ----

    private List<Runtime> runtimes() {
        Map<String, Runtime> byName = new LinkedHashMap<>();
        Matcher m = text.matcher(RUNTIME);
        while (m.find()) {
            if (text.inUrl(m.start())) {
                continue;
            }
            Runtime r = runtime(m, TARGET_BEFORE.matcher(text.before(m.start(), NEAR, 0)).find());
            Runtime known = byName.get(r.name());
            if (known == null && byName.size() < Facts.MAX_PER_KIND) {
                byName.put(r.name(), r);
            } else if (known != null && known.identifier() == null && r.identifier() != null) {
                byName.put(r.name(), new Runtime(r.name(), r.identifier(), known.target()));
            }
        }
        return List.copyOf(byName.values());
    }

    /** The runtime's name as Lambda writes it, and its identifier when the text writes that ({@code python3.9}). */
    private static Runtime runtime(Matcher m, boolean target) {
        boolean identifier = m.group().chars().noneMatch(Character::isWhitespace);
        if (m.group(1) != null) {
            return new Runtime("Python " + m.group(2), identifier ? "python" + m.group(2) : null, target);
        }
        if (m.group(3) != null) {
            boolean id = identifier && m.group(3).equals("nodejs") && m.group(5) != null;
            return new Runtime("Node.js " + m.group(4), id ? "nodejs" + m.group(4) + ".x" : null, target);
        }
        if (m.group(6) != null) {
            String suffix = m.group(8) == null ? "" : m.group(8);
            return new Runtime("Java " + m.group(7), identifier ? "java" + m.group(7) + suffix : null, target);
        }
        if (m.group(9) != null) {
            boolean core = m.group(10) != null;
            boolean id = identifier && m.group(9).equals("dotnet");
            return new Runtime(".NET " + (core ? "Core " : "") + m.group(11),
                    id ? "dotnet" + (core ? "core" : "") + m.group(11) : null, target);
        }
        if (m.group(12) != null) {
            return new Runtime("Ruby " + m.group(13), identifier ? "ruby" + m.group(13) : null, target);
        }
        if (m.group(14) != null) {
            return new Runtime("Go 1.x", identifier ? "go1.x" : null, target);
        }
        return new Runtime("provided" + m.group(17), "provided" + m.group(17), target);
    }

    private List<Identifier> identifiers() {
        List<Identifier> found = new ArrayList<>();
        for (Identifier.Kind kind : Identifier.Kind.values()) {
            Matcher m = text.matcher(IDENTIFIERS.get(kind));
            Set<String> seen = new LinkedHashSet<>();
            while (m.find() && seen.size() < Facts.MAX_PER_KIND) {
                String value = text.original().substring(m.start(), m.end());
                seen.add(kind == Identifier.Kind.CVE ? value.toUpperCase(java.util.Locale.ROOT) : value);
            }
            seen.forEach(v -> found.add(new Identifier(kind, v)));
        }
        return found;
    }

    // ---- dates and charges ----

    private void dates(Instant writtenAt, List<StatedDate> dates, List<Charge> charges) {
        List<TextDates.StatedDate> stated = new ArrayList<>(TextDates.find(text.original()));
        stated.sort(Comparator.comparingInt(TextDates.StatedDate::start));
        // Dates before the text was written tell history ("we notified you on ..."), not what is coming.
        Instant earliest = writtenAt == null ? Instant.MIN : writtenAt.minus(Duration.ofDays(1));
        Set<StatedDate> kept = new LinkedHashSet<>();
        Charge.Rate rate = rate();
        boolean extendedSupport = EXTENDED_SUPPORT.matcher(text.lower()).find();
        for (int i = 0; i < stated.size() && kept.size() < Facts.MAX_PER_KIND; i++) {
            TextDates.StatedDate d = stated.get(i);
            if (d.at().isBefore(earliest) || text.inUrl(d.start())) {
                continue;
            }
            int previousEnd = i > 0 ? stated.get(i - 1).end() : 0;
            int nextStart = i + 1 < stated.size() ? stated.get(i + 1).start() : text.length();
            String before = clause(text.before(d.start(), REACH, previousEnd));
            String after = firstClause(text.after(d.end(), REACH, nextStart));
            Purpose purpose = purpose(before, after);
            boolean inWindow = (purpose == Purpose.AUTO_APPLY_FROM || purpose == Purpose.SCHEDULED)
                    && FROM_RIGHT_BEFORE.matcher(before).find()
                    && MAINTENANCE_WINDOW.matcher(text.around(d.start(), d.end(), REACH)).find();
            kept.add(new StatedDate(d.at(), purpose, inWindow));
            if (purpose == Purpose.CHARGES_FROM && charges.size() < Facts.MAX_PER_KIND) {
                // "Year 3 pricing starts on ..." is Extended Support's when the text is about Extended Support.
                Charge.Kind kind = extendedSupport ? Charge.Kind.EXTENDED_SUPPORT : Charge.Kind.ADDITIONAL;
                Charge c = new Charge(kind, d.at(), supportYear(before, after), rate);
                if (!charges.contains(c)) {
                    charges.add(c);
                }
            }
        }
        dates.addAll(kept);
    }

    /** The first clause of the words after a date: "... after May 1, and charges apply from June 1" ends at ", and". */
    private static String firstClause(String after) {
        Matcher m = CLAUSE_BREAK.matcher(after);
        return m.find() ? after.substring(0, m.start()) : after;
    }

    /** The last clause of the words before a date: "..., and on March 1" is about what follows, not what preceded. */
    private static String clause(String before) {
        Matcher m = CLAUSE_BREAK.matcher(before);
        int start = 0;
        while (m.find()) {
            start = m.end();
        }
        return before.substring(start);
    }

    /**
     * What a date is for: "before" right before it makes a deadline; else the cue nearest before it in its clause;
     * else the first cue after it, in the order of {@link FactPatterns#DATE_CUES}. "Will ... upgrade" is the weakest
     * cue: "will automatically upgrade" is an automatic apply.
     */
    private static Purpose purpose(String before, String after) {
        if (ACT_BY_RIGHT_BEFORE.matcher(before).find()) {
            return Purpose.ACT_BY;
        }
        if (UNTIL_RIGHT_BEFORE.matcher(before).find()) {
            return Purpose.OTHER;
        }
        Purpose nearest = null;
        int nearestEnd = -1;
        for (DateCue cue : DATE_CUES) {
            if (cue.purpose() == Purpose.SCHEDULED) {
                continue;
            }
            Matcher m = cue.words().matcher(before);
            while (m.find()) {
                if (m.end() > nearestEnd) {
                    nearest = cue.purpose();
                    nearestEnd = m.end();
                }
            }
        }
        if (nearest != null) {
            return nearest;
        }
        for (DateCue cue : DATE_CUES) {
            if (cue.purpose() != Purpose.SCHEDULED && cue.words().matcher(after).find()) {
                return cue.purpose();
            }
        }
        for (DateCue cue : DATE_CUES) {
            if (cue.purpose() == Purpose.SCHEDULED && (cue.words().matcher(before).find()
                    || cue.words().matcher(after).find())) {
                return Purpose.SCHEDULED;
            }
        }
        return Purpose.OTHER;
    }

    private static int supportYear(String before, String after) {
        int year = 0;
        Matcher m = SUPPORT_YEAR.matcher(before);
        while (m.find()) {
            year = m.group(1).charAt(0) - '0';
        }
        if (year == 0) {
            m = SUPPORT_YEAR.matcher(after);
            if (m.find()) {
                year = m.group(1).charAt(0) - '0';
            }
        }
        return year;
    }

    private Charge.Rate rate() {
        if (PER_VCPU.matcher(text.lower()).find()) {
            return Charge.Rate.PER_VCPU_HOUR;
        }
        return PER_ACU.matcher(text.lower()).find() ? Charge.Rate.PER_ACU_HOUR : Charge.Rate.NOT_STATED;
    }

    /** "Extended Support charges", "additional charges" without a date: stated once per kind, unless negated. */
    private void undatedCharges(List<Charge> charges) {
        Matcher m = text.matcher(CHARGE_WORDS);
        Set<Charge.Kind> stated = new LinkedHashSet<>();
        charges.forEach(c -> stated.add(c.kind()));
        while (m.find() && stated.size() < Charge.Kind.values().length) {
            if (negated(m.start())) {
                continue;
            }
            Charge.Kind kind = m.group(1) != null || m.group(2) != null ? Charge.Kind.EXTENDED_SUPPORT
                    : Charge.Kind.ADDITIONAL;
            if (stated.add(kind)) {
                charges.add(new Charge(kind, null, 0, rate()));
            }
        }
    }

    /** "not", "no", "without", "avoid" just before {@code at}: "at no additional charge", "to avoid charges". */
    private boolean negated(int at) {
        String before = text.before(at, 30, 0);
        return NEGATED.matcher(before).find() || before.contains("avoid");
    }

    // ---- downtime, counts, whens ----

    private List<Downtime> downtimes(Versions versions) {
        Set<Downtime> found = new LinkedHashSet<>();
        Matcher m = text.matcher(DURATION);
        while (m.find() && found.size() < Facts.MAX_PER_KIND) {
            if (text.inUrl(m.start()) || versions.covers(m.start())
                    || !DOWNTIME_WORDS.matcher(text.around(m.start(), m.end(), REACH)).find()) {
                continue;
            }
            Downtime d = downtime(m);
            if (d != null) {
                found.add(d);
            }
        }
        return List.copyOf(found);
    }

    private Downtime downtime(Matcher m) {
        Downtime.Scope scope = scope(m.start(), m.end());
        if (m.group(1) != null) {
            return new Downtime(Downtime.Amount.FEW, 0, 0, unit(m.group(1)), scope);
        }
        int low = amount(m.group(3));
        int high = m.group(4) == null ? low : amount(m.group(4));
        if (low <= 0 || high < low) {
            return null;
        }
        String prefix = m.group(2) == null ? "" : m.group(2);
        Downtime.Amount amount = m.group(4) != null ? Downtime.Amount.RANGE : switch (prefix) {
            case "up to", "within" -> Downtime.Amount.UP_TO;
            case "approximately", "about", "around", "roughly" -> Downtime.Amount.ABOUT;
            case "less than", "under" -> Downtime.Amount.LESS_THAN;
            default -> Downtime.Amount.EXACT;
        };
        return new Downtime(amount, low, high, unit(m.group(5)), scope);
    }

    /**
     * The deployment a downtime is stated for: named in the same clause (between commas), else the nearest before it
     * in its sentence, else the nearest after it.
     */
    private Downtime.Scope scope(int start, int end) {
        String before = text.before(start, 80, 0);
        String after = text.after(end, 80, text.length());
        int clauseStart = Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1;
        int clauseEnd = firstOf(after, ',', ';');
        Downtime.Scope inClause = nearest(before.substring(clauseStart), after.substring(0, clauseEnd));
        if (inClause != Downtime.Scope.ANY) {
            return inClause;
        }
        Downtime.Scope earlier = nearest(before, "");
        return earlier != Downtime.Scope.ANY ? earlier : nearest("", after);
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        int first = i < 0 ? j : j < 0 ? i : Math.min(i, j);
        return first < 0 ? s.length() : first;
    }

    private static Downtime.Scope nearest(String before, String after) {
        int single = distanceBefore(SINGLE_AZ, before);
        int multi = distanceBefore(MULTI_AZ, before);
        int singleAfter = distanceAfter(SINGLE_AZ, after);
        int multiAfter = distanceAfter(MULTI_AZ, after);
        int bestSingle = Math.min(single, singleAfter);
        int bestMulti = Math.min(multi, multiAfter);
        if (bestSingle == Integer.MAX_VALUE && bestMulti == Integer.MAX_VALUE) {
            return Downtime.Scope.ANY;
        }
        return bestSingle <= bestMulti ? Downtime.Scope.SINGLE_AZ : Downtime.Scope.MULTI_AZ;
    }

    private static int distanceBefore(Pattern p, String before) {
        Matcher m = p.matcher(before);
        int distance = Integer.MAX_VALUE;
        while (m.find()) {
            distance = before.length() - m.end();
        }
        return distance;
    }

    private static int distanceAfter(Pattern p, String after) {
        Matcher m = p.matcher(after);
        return m.find() ? m.start() : Integer.MAX_VALUE;
    }

    private static int amount(String words) {
        Integer n = NUMBER_WORDS.get(words);
        return n != null ? n : Integer.parseInt(words);
    }

    private static ChronoUnit unit(String words) {
        if (words.startsWith("sec")) {
            return ChronoUnit.SECONDS;
        }
        if (words.startsWith("min")) {
            return ChronoUnit.MINUTES;
        }
        if (words.startsWith("hour")) {
            return ChronoUnit.HOURS;
        }
        if (words.startsWith("day")) {
            return ChronoUnit.DAYS;
        }
        return words.startsWith("week") ? ChronoUnit.WEEKS : ChronoUnit.MONTHS;
    }

    private List<Count> counts(Versions versions) {
        Set<Count> found = new LinkedHashSet<>();
        Matcher m = text.matcher(COUNT);
        while (m.find() && found.size() < Facts.MAX_PER_KIND) {
            if (text.inUrl(m.start()) || versions.covers(m.start())) {
                continue;
            }
            boolean orMore = m.group(1).equals("one or more");
            int number = orMore ? 1 : amount(m.group(1));
            if (number == 0) {
                continue;
            }
            String noun = m.group(3).endsWith("s") ? m.group(3).substring(0, m.group(3).length() - 1) : m.group(3);
            Count.Noun kind = NOUNS.get(noun);
            boolean db = m.group(2) != null && m.group(2).strip().equals("db");
            if (db && kind == Count.Noun.INSTANCE) {
                kind = Count.Noun.DB_INSTANCE;
            } else if (db && kind == Count.Noun.CLUSTER) {
                kind = Count.Noun.DB_CLUSTER;
            }
            found.add(new Count(number, orMore, kind));
        }
        return List.copyOf(found);
    }

    private List<When> whens(List<StatedDate> dates) {
        Set<When> found = new LinkedHashSet<>();
        collectWhens(NEXT_WINDOW, When.Kind.NEXT_MAINTENANCE_WINDOW, found);
        collectWhens(OVER_NEXT, When.Kind.OVER_NEXT, found);
        collectWhens(COMING, When.Kind.COMING, found);
        // "during your maintenance window" says something only when nothing more precise is said.
        if (found.isEmpty() && dates.stream().noneMatch(StatedDate::firstWindowOnOrAfter)) {
            collectWhens(ANY_WINDOW, When.Kind.MAINTENANCE_WINDOW, found);
        }
        return List.copyOf(found);
    }

    private void collectWhens(Pattern pattern, When.Kind kind, Set<When> found) {
        Matcher m = text.matcher(pattern);
        while (m.find() && found.size() < Facts.MAX_PER_KIND) {
            if (negated(m.start())) {
                continue;
            }
            int amount = 0;
            ChronoUnit unit = null;
            if (kind == When.Kind.OVER_NEXT) {
                String words = m.group(1);
                amount = NUMBER_WORDS.containsKey(words) || Character.isDigit(words.charAt(0)) ? amount(words) : 0;
                unit = unit(m.group(2));
            } else if (kind == When.Kind.COMING) {
                unit = unit(m.group(1));
            }
            boolean inWindow = kind == When.Kind.NEXT_MAINTENANCE_WINDOW || kind == When.Kind.MAINTENANCE_WINDOW
                    || MAINTENANCE_WINDOW.matcher(text.around(m.start(), m.end(), REACH)).find();
            found.add(new When(kind, amount, unit, inWindow, action(m.start(), m.end())));
        }
    }

    /** The verb nearest before the phrase in its sentence ("will be applied during ..."), else the first after it. */
    private When.Action action(int start, int end) {
        String before = text.before(start, REACH, 0);
        int reboot = distanceBefore(REBOOT_WORDS, before);
        int apply = distanceBefore(APPLY_WORDS, before);
        if (reboot == Integer.MAX_VALUE && apply == Integer.MAX_VALUE) {
            String after = text.after(end, REACH, text.length());
            reboot = distanceAfter(REBOOT_WORDS, after);
            apply = distanceAfter(APPLY_WORDS, after);
        }
        if (reboot == Integer.MAX_VALUE && apply == Integer.MAX_VALUE) {
            return When.Action.UNSPECIFIED;
        }
        return reboot < apply ? When.Action.REBOOT : When.Action.APPLY;
    }
}
