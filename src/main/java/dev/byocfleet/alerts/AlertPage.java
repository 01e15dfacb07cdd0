package dev.byocfleet.alerts;

import java.util.List;

/** One page of stored alerts; {@code total} counts every alert that matches the filters. */
public record AlertPage(List<AlertSummary> items, int page, int size, long total) {
}
