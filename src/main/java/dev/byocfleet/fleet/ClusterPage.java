package dev.byocfleet.fleet;

import java.util.List;

/** One page of the fleet list; {@code total} counts every cluster that matches the filters. */
public record ClusterPage(List<ClusterListItem> items, int page, int size, long total) {
}
