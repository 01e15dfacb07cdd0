package dev.byocfleet.issues;

import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.api.ListParameters;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A page of issues, checked: filters combine with AND; status and severity lists match any value.
 *
 * @param owner  an assignee (exact), or {@code none} for unassigned issues
 * @param maxAge only issues first seen within this long before now
 * @param text   lower-case substring of title, alert name, cluster id or name, summary
 */
public record IssueQuery(int page, int size, SortField sort, boolean descending, List<String> statuses,
                         List<String> severities, @Nullable String clusterId, @Nullable String tier,
                         @Nullable String owner, @Nullable Duration maxAge, @Nullable String text) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    static final int MAX_TEXT = 128;
    private static final Pattern AGE = Pattern.compile("(\\d{1,5})([mhd])");

    public enum SortField { LAST_SEEN, FIRST_SEEN, SEVERITY, STATUS, ALERT_COUNT, UPDATED_AT }

    public IssueQuery {
        ListParameters.checkPage(page, size, MAX_SIZE, sort);
        statuses = List.copyOf(statuses);
        severities = List.copyOf(severities);
    }

    public static IssueQuery of(int page, int size, @Nullable String sort, @Nullable String status,
                                @Nullable String severity, @Nullable String clusterId, @Nullable String tier,
                                @Nullable String owner, @Nullable String age, @Nullable String q) {
        ListParameters.Sort<SortField> order = ListParameters.sort(sort, SortField.class,
                new ListParameters.Sort<>(SortField.LAST_SEEN, true));
        List<String> statuses = list("status", status);
        statuses.stream().filter(s -> IssueStatus.parse(s).isEmpty()).findFirst().ifPresent(s -> {
            throw new InvalidParameterException("status", "status must be open, acknowledged, investigating, silenced, "
                    + "resolved or closed, or 'active' for the first four; not '" + s + "'");
        });
        List<String> severities = list("severity", severity);
        severities.stream().filter(s -> !Severity.ALL.contains(s)).findFirst().ifPresent(s -> {
            throw new InvalidParameterException("severity", "severity must be critical, warning or info; not '" + s + "'");
        });
        String t = ListParameters.text("tier", tier, 1);
        if (t != null && !Set.of("S", "A", "B").contains(t.toUpperCase(Locale.ROOT))) {
            throw new InvalidParameterException("tier", "tier must be one of S, A, B");
        }
        String text = ListParameters.text("q", q, MAX_TEXT);
        return new IssueQuery(page, size, order.field(), order.descending(), statuses, severities,
                ListParameters.text("cluster_id", clusterId, 64), t == null ? null : t.toUpperCase(Locale.ROOT),
                ListParameters.text("owner", owner, 256), age(age), text == null ? null : text.toLowerCase(Locale.ROOT));
    }

    public long offset() {
        return (long) page * size;
    }

    /** {@code 90m}, {@code 24h}, {@code 7d} or an ISO-8601 duration such as {@code PT12H}. */
    static @Nullable Duration age(@Nullable String value) {
        String v = ListParameters.text("age", value, 32);
        if (v == null) {
            return null;
        }
        Matcher m = AGE.matcher(v.toLowerCase(Locale.ROOT));
        Duration d;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(v);
            } catch (DateTimeParseException e) {
                throw new InvalidParameterException("age", "age must be like 90m, 24h, 7d or PT12H");
            }
        }
        if (d.isNegative() || d.isZero()) {
            throw new InvalidParameterException("age", "age must be positive");
        }
        return d;
    }

    private static List<String> list(String parameter, @Nullable String value) {
        String v = ListParameters.text(parameter, value, MAX_TEXT);
        if (v == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String part : v.split(",")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.equals("active") && parameter.equals("status")) {
                out.addAll(List.of("open", "acknowledged", "investigating", "silenced"));
            } else if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }
}
