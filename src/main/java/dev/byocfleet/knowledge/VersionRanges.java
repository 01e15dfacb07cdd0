package dev.byocfleet.knowledge;

import dev.byocfleet.api.InvalidParameterException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * StarRocks versions as integers ({@code major * 1,000,000 + minor * 1,000 + patch}) and the ranges
 * documents name, so "known bugs for 3.3.2" is an interval test. A release line is major.minor.
 */
final class VersionRanges {

    /** An inclusive interval of encoded versions. */
    record Interval(int low, int high) {
        boolean contains(int v) {
            return v >= low && v <= high;
        }

        boolean intersects(Interval other) {
            return low <= other.high && other.low <= high;
        }
    }

    static final Interval ALL = new Interval(0, Integer.MAX_VALUE);
    private static final int MAX_PART = 999;
    private static final Pattern VERSION = Pattern.compile("v?(\\d{1,3})(?:\\.(\\d{1,3}|x))?(?:\\.(\\d{1,3}|x))?");
    private static final Pattern COMPARATOR = Pattern.compile("(<=|>=|<|>|=)?\\s*(v?\\d[\\w.]*)");

    private VersionRanges() {
    }

    /** A version to filter by: {@code 3.3.2} is one release, {@code 3.3} the whole line; suffixes are ignored. */
    static Interval parseQuery(String version) {
        return parseVersion(version == null ? "" : version.strip(), "version");
    }

    /** The intervals a document applies to: its affected ranges minus every fixed line from the fix on. */
    static List<Interval> effective(List<String> affected, List<String> fixed) {
        List<Interval> ranges = new ArrayList<>();
        for (String a : affected) {
            ranges.add(parseRange(a));
        }
        for (String f : fixed) {
            Interval fix = parseVersion(f, "fixed_versions");
            int lineEnd = fix.low() - fix.low() % 1_000 + MAX_PART;
            ranges = subtract(ranges, new Interval(fix.low(), lineEnd));
        }
        return merge(ranges);
    }

    /** Checks one affected range; throws naming {@code affected_versions} when it cannot be read. */
    static Interval parseRange(String range) {
        String r = range == null ? "" : range.strip().toLowerCase(Locale.ROOT);
        if (r.equals("*") || r.equals("all")) {
            return ALL;
        }
        int dash = r.indexOf('-');
        if (dash > 0 && !r.startsWith("<") && !r.startsWith(">")) {
            Interval from = parseVersion(r.substring(0, dash).strip(), "affected_versions");
            Interval to = parseVersion(r.substring(dash + 1).strip(), "affected_versions");
            return checked(new Interval(from.low(), to.high()), range);
        }
        if (!r.startsWith("<") && !r.startsWith(">") && !r.startsWith("=")) {
            return parseVersion(r, "affected_versions");
        }
        int low = 0;
        int high = Integer.MAX_VALUE;
        Matcher m = COMPARATOR.matcher(r);
        int consumed = 0;
        while (m.find()) {
            if (!r.substring(consumed, m.start()).isBlank()) {
                throw bad(range);
            }
            consumed = m.end();
            Interval v = parseVersion(m.group(2), "affected_versions");
            String op = m.group(1) == null ? "=" : m.group(1);
            switch (op) {
                case "<" -> high = Math.min(high, v.low() - 1);
                case "<=" -> high = Math.min(high, v.high());
                case ">" -> low = Math.max(low, v.high() + 1);
                case ">=" -> low = Math.max(low, v.low());
                default -> {
                    low = Math.max(low, v.low());
                    high = Math.min(high, v.high());
                }
            }
        }
        if (consumed == 0 || !r.substring(consumed).isBlank()) {
            throw bad(range);
        }
        return checked(new Interval(low, high), range);
    }

    /** {@code 3} is the 3.x series, {@code 3.3} or {@code 3.3.x} the 3.3 line, {@code 3.3.2} one release. */
    static Interval parseVersion(String version, String parameter) {
        Matcher m = VERSION.matcher(version.strip().toLowerCase(Locale.ROOT));
        if (!m.lookingAt()) {
            throw new InvalidParameterException(parameter, "'" + version + "' is not a StarRocks version such as "
                    + "3.3 or 3.3.2");
        }
        int major = Integer.parseInt(m.group(1));
        boolean hasMinor = m.group(2) != null && !m.group(2).equals("x");
        boolean hasPatch = hasMinor && m.group(3) != null && !m.group(3).equals("x");
        int minor = hasMinor ? Integer.parseInt(m.group(2)) : 0;
        int patch = hasPatch ? Integer.parseInt(m.group(3)) : 0;
        int low = encode(major, minor, patch);
        int high = encode(major, hasMinor ? minor : MAX_PART, hasPatch ? patch : MAX_PART);
        return new Interval(low, high);
    }

    static int encode(int major, int minor, int patch) {
        return major * 1_000_000 + minor * 1_000 + patch;
    }

    static String decode(int v) {
        return (v / 1_000_000) + "." + (v / 1_000 % 1_000) + "." + (v % 1_000);
    }

    private static List<Interval> subtract(List<Interval> ranges, Interval cut) {
        List<Interval> out = new ArrayList<>();
        for (Interval r : ranges) {
            if (!r.intersects(cut)) {
                out.add(r);
                continue;
            }
            if (r.low() < cut.low()) {
                out.add(new Interval(r.low(), cut.low() - 1));
            }
            if (r.high() > cut.high()) {
                out.add(new Interval(cut.high() + 1, r.high()));
            }
        }
        return out;
    }

    private static List<Interval> merge(List<Interval> ranges) {
        List<Interval> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingInt(Interval::low));
        List<Interval> out = new ArrayList<>();
        for (Interval r : sorted) {
            if (!out.isEmpty() && (long) out.getLast().high() + 1 >= r.low()) {
                Interval last = out.removeLast();
                out.add(new Interval(last.low(), Math.max(last.high(), r.high())));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    private static Interval checked(Interval i, String range) {
        if (i.low() > i.high()) {
            throw new InvalidParameterException("affected_versions", "the range '" + range + "' is empty");
        }
        return i;
    }

    private static InvalidParameterException bad(String range) {
        return new InvalidParameterException("affected_versions", "'" + range + "' is not a version range such as "
                + "*, 3.3, 3.3.2, >=3.3.0 <3.3.4 or 3.3.0-3.3.3");
    }
}
