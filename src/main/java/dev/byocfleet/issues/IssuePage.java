package dev.byocfleet.issues;

import java.util.List;

/** One page of issues; {@code total} counts every issue that matches the filters. */
public record IssuePage(List<IssueSummary> items, int page, int size, long total) {
}
