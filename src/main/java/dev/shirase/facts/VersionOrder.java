package dev.shirase.facts;

/** Comparing version numbers part by part ({@code 13.9 < 13.12}), as far as both parts are numbers. */
final class VersionOrder {

    private VersionOrder() {
    }

    /** Negative, zero or positive as {@code a} is lower, equal (as far as both are numeric) or higher than {@code b}. */
    static int compare(String a, String b) {
        String[] x = parts(a);
        String[] y = parts(b);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!numeric(x[i]) || !numeric(y[i])) {
                return x[i].equalsIgnoreCase(y[i]) ? 0 : x[i].compareToIgnoreCase(y[i]);
            }
            int c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /** How many leading parts two versions share: {@code 14.4} and {@code 14.8} share one. */
    static int sharedLeadingParts(String a, String b) {
        String[] x = parts(a);
        String[] y = parts(b);
        int shared = 0;
        while (shared < Math.min(x.length, y.length) && x[shared].equalsIgnoreCase(y[shared])) {
            shared++;
        }
        return shared;
    }

    private static String[] parts(String version) {
        return version.split("[.-]", 12);
    }

    private static boolean numeric(String part) {
        if (part.isEmpty() || part.length() > 18) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            if (!Character.isDigit(part.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
