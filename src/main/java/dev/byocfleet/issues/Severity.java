package dev.byocfleet.issues;

import java.util.Locale;

/** Alert and issue severities in rank order; unknown text ranks as info. */
final class Severity {

    static final java.util.List<String> ALL = java.util.List.of("critical", "warning", "info");

    private Severity() {
    }

    static int rank(String severity) {
        if (severity == null) {
            return 0;
        }
        return switch (severity.toLowerCase(Locale.ROOT)) {
            case "critical" -> 3;
            case "warning" -> 2;
            default -> 1;
        };
    }

    static String max(String a, String b) {
        return rank(b) > rank(a) ? b : a;
    }

    static String normalize(String severity) {
        return switch (rank(severity)) {
            case 3 -> "critical";
            case 2 -> "warning";
            default -> "info";
        };
    }
}
