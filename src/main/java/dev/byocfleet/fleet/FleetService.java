package dev.byocfleet.fleet;

import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.auth.AccessGuard;
import dev.byocfleet.auth.Role;
import dev.byocfleet.fleet.ClusterDetail.MetricReading;
import dev.byocfleet.fleet.ClusterQuery.SortField;
import dev.byocfleet.fleet.FleetRepository.BillVersion;
import dev.byocfleet.fleet.FleetRepository.BillWeeks;
import dev.byocfleet.fleet.FleetRepository.ClusterCount;
import dev.byocfleet.fleet.FleetRepository.ClusterGroup;
import dev.byocfleet.fleet.FleetRepository.ClusterReading;
import dev.byocfleet.fleet.FleetRepository.Dimension;
import dev.byocfleet.fleet.FleetRepository.Inventory;
import dev.byocfleet.fleet.FleetRepository.RecentCcu;
import dev.byocfleet.fleet.FleetRepository.SnapshotVersion;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The fleet inventory: organizations, clusters, nodes and billing from the {@code byoc} replica.
 * Time windows follow the newest data present (the newest bill hour), not the wall clock, so a
 * replica or a generated fleet shows the same numbers whenever it is read. Read-only: every
 * signed-in user (viewer and up) may read it.
 *
 * <p>What needs a pass over the two big tables, {@code bill_detail} and the hourly snapshots, is
 * kept in memory with the version of that table it was computed from ({@link VersionedValue}) and
 * computed again as soon as the version differs; the small control-plane tables are read on every
 * request. A version is the row count and newest date or hour of the table (for the snapshots also
 * the refresh marks of the rollup, which rewrites hours in place, and the metric dictionary): it
 * catches appends, deletions and rollup refreshes. It does not catch an UPDATE of bill or snapshot
 * values outside the rollup, or a deletion and insertion of exactly as many rows with no newer date
 * (both tables are append-only facts; the next append shows such a change).
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
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");
    private static final Pattern DOT = Pattern.compile("\\.");

    private final FleetRepository repository;
    private final AccessGuard access;
    private final VersionedValue<BillVersion, BillFigures> bills;
    private final VersionedValue<SnapshotVersion, NewestReadings> readings;

    @Autowired
    FleetService(FleetRepository repository, AccessGuard access) {
        this(repository, access, task -> Thread.ofVirtual().name("fleet-readings").start(task));
    }

    /** {@code background} computes the newest readings of the fleet after the snapshots change. */
    FleetService(FleetRepository repository, AccessGuard access, Executor background) {
        this.repository = repository;
        this.access = access;
        this.bills = new VersionedValue<>(repository::billVersion, v -> billFigures(), background);
        this.readings = new VersionedValue<>(repository::snapshotVersion, this::newestReadings, background);
    }

    /**
     * What the pages need from the bills: the week of the newest bill hour, the billing weeks and
     * the CCU of the 168 bill hours up to the newest one per cluster. One pass over the recent bills
     * per change of {@code bill_detail}, not one per request.
     */
    record BillFigures(@Nullable LocalDate weekStart, BillWeeks weeks, RecentCcu recentCcu) {

        BigDecimal ccu7d(String clusterId) {
            return recentCcu.byCluster().getOrDefault(clusterId, recentCcu.zero());
        }
    }

    /** Per cluster, the readings its detail shows; computed for the whole fleet per change of the snapshots. */
    record NewestReadings(Map<String, List<MetricReading>> byCluster) {
    }

    public FleetSummary summary() {
        access.require(Role.VIEWER);
        Inventory inventory = repository.inventory();
        List<ClusterGroup> groups = inventory.groups();
        Map<String, Long> nodes = inventory.liveNodesByType();
        BillFigures figures = this.bills.get(inventory.bills());
        BillWeeks bills = figures.weeks();
        return new FleetSummary(
                inventory.organizations(),
                groups.stream().filter(g -> g.dimension() == Dimension.STATE).mapToLong(ClusterGroup::clusters).sum(),
                new FleetSummary.NodeCounts(nodes.getOrDefault("FE", 0L), nodes.getOrDefault("BE", 0L),
                        nodes.getOrDefault("CN", 0L), nodes.values().stream().mapToLong(Long::longValue).sum()),
                breakdown(groups, Dimension.STATE, Function.identity(), Comparator.naturalOrder()),
                breakdown(groups, Dimension.TYPE, Function.identity(), Comparator.naturalOrder()),
                breakdown(groups, Dimension.TIER, Function.identity(), FleetService::compareTiers),
                breakdown(groups, Dimension.VERSION, FleetService::majorMinor, FleetService::compareVersions),
                breakdown(groups, Dimension.REGION, Function.identity(), Comparator.naturalOrder()),
                bills.ccuThisWeek(), bills.ccuLastWeek(), bills.ccuLastWeekToDate(), bills.usdThisWeek(),
                figures.weekStart(),
                inventory.newestSnapshotHour());
    }

    public ClusterPage clusters(ClusterQuery query) {
        access.require(Role.VIEWER);
        ClusterCount count = repository.countClusters(query);
        long total = count.total();
        if (total == 0 || query.offset() >= total) {
            return new ClusterPage(List.of(), query.page(), query.size(), total);
        }
        BillFigures figures = bills.get(count.bills());
        List<ClusterListItem> items = query.sort() == SortField.CCU_7D
                ? byCcu(query, figures)
                : repository.findClusters(query);
        return new ClusterPage(items.stream().map(i -> i.withCcu7d(figures.ccu7d(i.clusterId()))).toList(),
                query.page(), query.size(), total);
    }

    /**
     * A page in CCU order, which lives in memory: every matching id sorted by CCU (nulls cannot
     * occur: no bills is zero), ties by cluster id ascending in byte order as the store sorts text,
     * then the rows of that page.
     */
    private List<ClusterListItem> byCcu(ClusterQuery query, BillFigures figures) {
        Comparator<String> ccu = Comparator.comparing(figures::ccu7d);
        List<String> page = repository.findClusterIds(query).stream()
                .sorted((query.descending() ? ccu.reversed() : ccu).thenComparing(FleetService::compareBytes))
                .skip(query.offset()).limit(query.size())
                .toList();
        Map<String, ClusterListItem> rows = repository.findClustersById(page).stream()
                .collect(Collectors.toMap(ClusterListItem::clusterId, Function.identity()));
        // a cluster deleted between the two reads is left out
        return page.stream().map(rows::get).filter(Objects::nonNull).toList();
    }

    private static int compareBytes(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private BillFigures billFigures() {
        Optional<LocalDateTime> newest = repository.newestBillHour();
        if (newest.isEmpty()) {
            // Without bills every window is empty; any start will do.
            return new BillFigures(null,
                    new BillWeeks(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO),
                    repository.recentCcu(EPOCH));
        }
        LocalDateTime hour = newest.get();
        LocalDate weekStart = hour.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new BillFigures(weekStart, repository.billWeeks(weekStart, hour),
                repository.recentCcu(hour.minusHours(CCU_WINDOW_HOURS)));
    }

    /** Everything about one cluster; empty when there is no such cluster. */
    public Optional<ClusterDetail> cluster(String clusterId) {
        access.require(Role.VIEWER);
        if (clusterId == null || clusterId.isBlank() || clusterId.length() > MAX_CLUSTER_ID_LENGTH) {
            throw new InvalidParameterException("id",
                    "a cluster id has 1 to " + MAX_CLUSTER_ID_LENGTH + " characters");
        }
        return repository.findCluster(clusterId).map(c -> new ClusterDetail(
                c.cluster(),
                c.cluster().accountId() == null ? null : c.organization(),
                repository.resources(clusterId),
                repository.nodes(clusterId),
                repository.recentActions(clusterId, RECENT_ROWS),
                repository.stateHistory(clusterId, RECENT_ROWS),
                latestMetrics(clusterId)));
    }

    /**
     * From the newest readings of the fleet in memory; while they are being computed after a change
     * of the snapshots (seconds at seed scale), straight from the store, as {@link #newestReadings}
     * would: within {@link #RECENT_METRIC_HOURS} of the newest snapshot first, everything only for
     * a cluster with nothing that recent.
     */
    private List<MetricReading> latestMetrics(String clusterId) {
        Optional<NewestReadings> fleet = readings.current();
        if (fleet.isPresent()) {
            return fleet.get().byCluster().getOrDefault(clusterId, List.of());
        }
        Optional<LocalDateTime> newest = repository.newestSnapshotHour();
        if (newest.isEmpty()) {
            return List.of();
        }
        List<MetricReading> recent =
                repository.latestMetrics(clusterId, newest.get().minusHours(RECENT_METRIC_HOURS));
        return recent.isEmpty() ? repository.latestMetrics(clusterId, EPOCH) : recent;
    }

    /**
     * Per cluster and metric the newest reading, but where a cluster has readings within
     * {@link #RECENT_METRIC_HOURS} of the newest snapshot of the fleet only those: a metric that
     * stopped reporting before that window while others go on is left out as stale. A cluster with
     * nothing that recent (suspended, released) shows its last reading of every metric. The
     * snapshot table is by far the largest and not ordered by cluster, so any read of one cluster
     * costs a pass over all of it: this does one pass for the whole fleet per change.
     */
    private NewestReadings newestReadings(SnapshotVersion version) {
        LocalDateTime newest = version.rows().newestHour();
        if (newest == null) {
            return new NewestReadings(Map.of());
        }
        LocalDateTime since = newest.minusHours(RECENT_METRIC_HOURS);
        Map<String, List<MetricReading>> all = new LinkedHashMap<>();
        for (ClusterReading r : repository.newestReadingsOfFleet(EPOCH)) {
            all.computeIfAbsent(r.clusterId(), id -> new ArrayList<>()).add(r.reading());
        }
        Map<String, List<MetricReading>> shown = new HashMap<>(all.size() * 2);
        all.forEach((cluster, list) -> {
            List<MetricReading> recent = list.stream().filter(m -> !m.snapshotHour().isBefore(since)).toList();
            shown.put(cluster, recent.isEmpty() ? List.copyOf(list) : recent);
        });
        return new NewestReadings(shown);
    }

    private static Map<String, Long> breakdown(List<ClusterGroup> groups, Dimension dimension,
                                               Function<@Nullable String, @Nullable String> key,
                                               Comparator<String> order) {
        return groups.stream().filter(g -> g.dimension() == dimension).collect(Collectors.groupingBy(
                g -> orUnknown(key.apply(g.value())), () -> new TreeMap<>(order),
                Collectors.summingLong(ClusterGroup::clusters)));
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
        String[] x = DOT.split(a);
        String[] y = DOT.split(b);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = NUMBER.matcher(x[i]).matches() && NUMBER.matcher(y[i]).matches()
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
