package dev.byocfleet.fleet;

import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.auth.AccessGuard;
import dev.byocfleet.auth.Role;
import dev.byocfleet.fleet.ClusterDetail.MetricReading;
import dev.byocfleet.fleet.FleetRepository.BillWeeks;
import dev.byocfleet.fleet.FleetRepository.ClusterGroup;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The fleet inventory: organizations, clusters, nodes and billing from the {@code byoc} replica.
 * Time windows follow the newest data present (the newest bill hour), not the wall clock, so a
 * replica or a generated fleet shows the same numbers whenever it is read. Read-only: every
 * signed-in user (viewer and up) may read it.
 */
@Service
public class FleetService {

    /** Longest cluster id the control plane stores ({@code VARCHAR(64)}). */
    public static final int MAX_CLUSTER_ID_LENGTH = 64;
    static final int RECENT_ROWS = 20;
    static final int CCU_WINDOW_HOURS = 7 * 24;
    static final int RECENT_METRIC_HOURS = 72;
    /** Before any data: a window from here covers everything. */
    private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);
    /** Key of a breakdown bucket whose value is missing (no profile, no version). */
    static final String UNKNOWN = "unknown";
    private static final Pattern MAJOR_MINOR = Pattern.compile("v?(\\d+(?:\\.\\d+)?)");

    private final FleetRepository repository;
    private final AccessGuard access;

    FleetService(FleetRepository repository, AccessGuard access) {
        this.repository = repository;
        this.access = access;
    }

    public FleetSummary summary() {
        access.require(Role.VIEWER);
        List<ClusterGroup> groups = repository.clusterGroups();
        Map<String, Long> nodes = repository.liveNodesByType();
        Optional<LocalDateTime> newestBill = repository.newestBillHour();
        Optional<LocalDate> weekStart = newestBill
                .map(h -> h.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        BillWeeks bills = newestBill.map(h -> repository.billWeeks(weekStart.orElseThrow(), h))
                .orElse(new BillWeeks(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
        return new FleetSummary(
                repository.countOrganizations(),
                groups.stream().mapToLong(ClusterGroup::clusters).sum(),
                new FleetSummary.NodeCounts(nodes.getOrDefault("FE", 0L), nodes.getOrDefault("BE", 0L),
                        nodes.getOrDefault("CN", 0L), nodes.values().stream().mapToLong(Long::longValue).sum()),
                breakdown(groups, ClusterGroup::clusterState, Comparator.naturalOrder()),
                breakdown(groups, ClusterGroup::clusterType, Comparator.naturalOrder()),
                breakdown(groups, ClusterGroup::tier, FleetService::compareTiers),
                breakdown(groups, g -> majorMinor(g.clusterVersion()), FleetService::compareVersions),
                breakdown(groups, ClusterGroup::region, Comparator.naturalOrder()),
                bills.ccuThisWeek(), bills.ccuLastWeek(), bills.ccuLastWeekToDate(), bills.usdThisWeek(),
                weekStart.orElse(null),
                repository.newestSnapshotHour().orElse(null));
    }

    public ClusterPage clusters(ClusterQuery query) {
        access.require(Role.VIEWER);
        long total = repository.countClusters(query);
        if (total == 0 || query.offset() >= total) {
            return new ClusterPage(List.of(), query.page(), query.size(), total);
        }
        // Without bills every window is empty; any start will do.
        LocalDateTime ccuAfter = repository.newestBillHour()
                .map(h -> h.minusHours(CCU_WINDOW_HOURS))
                .orElse(EPOCH);
        return new ClusterPage(repository.findClusters(query, ccuAfter), query.page(), query.size(), total);
    }

    /** Everything about one cluster; empty when there is no such cluster. */
    public Optional<ClusterDetail> cluster(String clusterId) {
        access.require(Role.VIEWER);
        if (clusterId == null || clusterId.isBlank() || clusterId.length() > MAX_CLUSTER_ID_LENGTH) {
            throw new InvalidParameterException("id",
                    "a cluster id has 1 to " + MAX_CLUSTER_ID_LENGTH + " characters");
        }
        return repository.findCluster(clusterId).map(c -> new ClusterDetail(
                c,
                c.accountId() == null ? null : repository.findOrganizationOfAccount(c.accountId()).orElse(null),
                repository.resources(clusterId),
                repository.nodes(clusterId),
                repository.recentActions(clusterId, RECENT_ROWS),
                repository.stateHistory(clusterId, RECENT_ROWS),
                latestMetrics(clusterId)));
    }

    /**
     * Looks back {@link #RECENT_METRIC_HOURS} from the newest snapshot of the fleet first: the
     * snapshot table is by far the largest, and the time bound lets the store skip most of it.
     * Only a cluster with nothing that recent (suspended, released) pays for the full scan. A metric
     * that stopped reporting before that window while others go on is left out as stale.
     */
    private List<MetricReading> latestMetrics(String clusterId) {
        Optional<LocalDateTime> newest = repository.newestSnapshotHour();
        if (newest.isEmpty()) {
            return List.of();
        }
        List<MetricReading> recent =
                repository.latestMetrics(clusterId, newest.get().minusHours(RECENT_METRIC_HOURS));
        return recent.isEmpty() ? repository.latestMetrics(clusterId, EPOCH) : recent;
    }

    private static Map<String, Long> breakdown(List<ClusterGroup> groups,
                                               Function<ClusterGroup, @Nullable String> key,
                                               Comparator<String> order) {
        return groups.stream().collect(Collectors.groupingBy(
                g -> orUnknown(key.apply(g)), () -> new TreeMap<>(order), Collectors.summingLong(ClusterGroup::clusters)));
    }

    /** "3.3.7" and "3.3.7-ee" become "3.3"; what does not start with a number stays as it is. */
    public static @Nullable String majorMinor(@Nullable String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        Matcher m = MAJOR_MINOR.matcher(version.strip());
        return m.lookingAt() ? m.group(1) : version.strip();
    }

    /** Numeric where the parts are numbers ("3.9" before "3.10"), text otherwise. */
    /** S (strategic) first, then A, then B; anything else after them, by name. */
    public static int compareTiers(String a, String b) {
        String order = "SAB";
        int ra = a.length() == 1 && order.contains(a) ? order.indexOf(a) : order.length();
        int rb = b.length() == 1 && order.contains(b) ? order.indexOf(b) : order.length();
        return ra != rb ? Integer.compare(ra, rb) : a.compareTo(b);
    }

    public static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d{1,9}") && y[i].matches("\\d{1,9}")
                    ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]))
                    : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(x.length, y.length);
        return c != 0 ? c : a.compareTo(b);
    }

    private static String orUnknown(@Nullable String value) {
        return value == null || value.isBlank() ? UNKNOWN : value;
    }
}
