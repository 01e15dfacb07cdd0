package dev.byocfleet.alerts;

import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.api.ListParameters;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A page of stored alerts: filters, sort and paging, already checked. Invalid input fails with
 * {@link InvalidParameterException} naming the parameter as the API spells it. Filters combine with
 * AND; the list filters (sources, statuses, severities) match any of their values.
 *
 * @param from     received at or after (UTC)
 * @param to       received before (UTC)
 * @param text     lower-case substring of the alert name, summary, cluster reference or node
 * @param unparsed true: only alerts the parser could not read; false: only those it could
 */
public record AlertQuery(
        int page,
        int size,
        SortField sort,
        boolean descending,
        @Nullable LocalDateTime from,
        @Nullable LocalDateTime to,
        List<String> sources,
        List<String> statuses,
        List<String> severities,
        @Nullable String clusterId,
        @Nullable String orgId,
        @Nullable String tier,
        @Nullable String text,
        @Nullable Boolean unparsed) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    static final int MAX_TEXT_LENGTH = 128;
    static final int MAX_ID_LENGTH = 64;
    static final Set<String> STATUSES = Set.of("firing", "resolved");
    static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");
    static final Set<String> TIERS = Set.of("S", "A", "B");
    private static final Pattern SOURCE = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    /** What the list can be sorted by, as the API names it. */
    public enum SortField {
        RECEIVED_AT, STARTS_AT, SEVERITY, STATUS, SOURCE, ALERT_NAME, CLUSTER_ID;

        public String apiName() {
            return ListParameters.apiName(this);
        }
    }

    public AlertQuery {
        ListParameters.checkPage(page, size, MAX_SIZE, sort);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidParameterException("to", "to must be later than from");
        }
        sources = List.copyOf(sources == null ? List.of() : sources);
        statuses = List.copyOf(statuses == null ? List.of() : statuses);
        severities = List.copyOf(severities == null ? List.of() : severities);
    }

    /** The API form: comma-separated lists, ISO-8601 times, {@code sort} as {@code field[,asc|desc]}. */
    public static AlertQuery of(int page, int size, @Nullable String sort, @Nullable String from, @Nullable String to,
                                @Nullable String source, @Nullable String status, @Nullable String severity,
                                @Nullable String clusterId, @Nullable String orgId, @Nullable String tier,
                                @Nullable String q, @Nullable Boolean unparsed) {
        ListParameters.Sort<SortField> order = ListParameters.sort(sort, SortField.class,
                new ListParameters.Sort<>(SortField.RECEIVED_AT, true));
        List<String> sources = list("source", source);
        sources.stream().filter(s -> !SOURCE.matcher(s).matches()).findFirst().ifPresent(s -> {
            throw new InvalidParameterException("source", "source must be a source name such as alertmanager, "
                    + "grafana or lark, not '" + s + "'");
        });
        String t = upper(ListParameters.text("tier", tier, MAX_TEXT_LENGTH));
        if (t != null && !TIERS.contains(t)) {
            throw new InvalidParameterException("tier", "tier must be one of S, A, B");
        }
        String qText = ListParameters.text("q", q, MAX_TEXT_LENGTH);
        return new AlertQuery(page, size, order.field(), order.descending(), time("from", from), time("to", to), sources,
                oneOf("status", status, STATUSES), oneOf("severity", severity, SEVERITIES),
                ListParameters.text("cluster_id", clusterId, MAX_ID_LENGTH),
                ListParameters.text("org_id", orgId, MAX_ID_LENGTH), t,
                qText == null ? null : qText.toLowerCase(Locale.ROOT), unparsed);
    }

    public long offset() {
        return (long) page * size;
    }

    /** ISO-8601: with an offset or Z, or without (taken as UTC), or a date (its start, UTC). */
    static @Nullable LocalDateTime time(String parameter, @Nullable String value) {
        LocalDateTime t = parsedTime(parameter, value);
        // the store's timestamps overflow far from now (year -999999999 parses): refuse, do not 500
        if (t != null && (t.getYear() < 1 || t.getYear() > 9999)) {
            throw new InvalidParameterException(parameter, parameter + " must be a time between the years 1 and 9999");
        }
        return t;
    }

    private static @Nullable LocalDateTime parsedTime(String parameter, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(v);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(v).atStartOfDay();
                } catch (DateTimeParseException notDate) {
                    throw new InvalidParameterException(parameter, parameter + " must be an ISO-8601 time such as "
                            + "2026-11-29T04:00:00Z, 2026-11-29T12:00:00+08:00 or 2026-11-29");
                }
            }
        }
    }

    private static List<String> list(String parameter, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            throw new InvalidParameterException(parameter, parameter + " must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        Set<String> values = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                values.add(part.strip().toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(values);
    }

    private static List<String> oneOf(String parameter, @Nullable String value, Set<String> allowed) {
        List<String> values = list(parameter, value);
        for (String v : values) {
            if (!allowed.contains(v)) {
                throw new InvalidParameterException(parameter, parameter + " must be one of "
                        + String.join(", ", allowed.stream().sorted().toList()) + ", not '" + v + "'");
            }
        }
        return values;
    }

    private static @Nullable String upper(@Nullable String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}
