package dev.byocfleet.fleet;

import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.auth.AccessGuard;
import dev.byocfleet.auth.Role;
import dev.byocfleet.directory.ClusterEntry;
import dev.byocfleet.directory.FleetDirectory;
import dev.byocfleet.fleet.ClusterDetail.MetricReading;
import dev.byocfleet.fleet.ClusterDetail.OrganizationInfo;
import dev.byocfleet.fleet.ClusterQuery.SortField;
import dev.byocfleet.fleet.FleetRepository.BillVersion;
import dev.byocfleet.fleet.FleetRepository.BillWeeks;
import dev.byocfleet.fleet.FleetRepository.ClusterCount;
import dev.byocfleet.fleet.FleetRepository.ClusterReading;
import dev.byocfleet.fleet.FleetRepository.DetailTables;
import dev.byocfleet.fleet.FleetRepository.SummaryFacts;
import dev.byocfleet.fleet.FleetRepository.RecentCcu;
import dev.byocfleet.fleet.FleetRepository.SnapshotVersion;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
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
 * computed again as soon as the version differs; the versions themselves are read at most once per
 * {@code byoc.directory.recheck-interval} ({@link FleetDirectory#recent}). The small control-plane tables (clusters, accounts,
 * organizations, profiles, nodes) come from the {@link FleetDirectory}, which follows their changes
 * within its recheck interval; only a search by text reads them in the store. A version is the row count and newest date or hour of the table (for the snapshots also
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
    private final FleetDirectory directory;
    private final AccessGuard access;
    private final VersionedValue<BillVersion, BillFigures> bills;
    private final VersionedValue<SnapshotVersion, NewestReadings> readings;
    private final VersionedValue<String, DetailTables> detailTables;
    private final Supplier<BillVersion> billVersion;
    private final Supplier<SummaryFacts> summaryFacts;

    @Autowired
    FleetService(FleetRepository repository, FleetDirectory directory, AccessGuard access) {
        this(repository, directory, access, task -> Thread.ofVirtual().name("fleet-readings").start(task));
    }

    /**
     * {@code background} computes the newest readings of the fleet after the snapshots change; the
     * versions of the bills and snapshots (and the summary's facts) are read again at most once per
     * the directory's recheck interval ({@link FleetDirectory#recent}): a change of those tables
     * shows within that interval, as one of the control-plane tables does.
     */
    FleetService(FleetRepository repository, FleetDirectory directory, AccessGuard access, Executor background) {
        this.repository = repository;
        this.directory = directory;
        this.access = access;
        this.billVersion = directory.recent(repository::billVersion);
        this.summaryFacts = directory.recent(repository::summaryFacts);
        this.bills = new VersionedValue<>(billVersion, v -> billFigures(), background);
        this.readings = new VersionedValue<>(directory.recent(repository::snapshotVersion), this::newestReadings,
                background);
        this.detailTables = new VersionedValue<>(directory.recentInBackground(directory.fingerprint(FleetRepository.DETAIL_COLUMNS), background),
                v -> repository.detailTables(RECENT_ROWS), background);
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
        SummaryFacts facts = summaryFacts.get();
        Inventory inventory = derived(directory.snapshot()).inventory();
        BillFigures figures = this.bills.get(facts.bills());
        BillWeeks bills = figures.weeks();
        return new FleetSummary(
                inventory.organizations(), inventory.clusters(), inventory.nodes(),
                inventory.byState(), inventory.byType(), inventory.byTier(), inventory.byVersion(), inventory.byRegion(),
                bills.ccuThisWeek(), bills.ccuLastWeek(), bills.ccuLastWeekToDate(), bills.usdThisWeek(),
                figures.weekStart(),
                facts.newestSnapshotHour());
    }

    /** What the summary shows of the directory: computed once per directory snapshot. */
    record Inventory(long organizations, long clusters, FleetSummary.NodeCounts nodes, Map<String, Long> byState,
                     Map<String, Long> byType, Map<String, Long> byTier, Map<String, Long> byVersion,
                     Map<String, Long> byRegion) {

        static Inventory of(FleetDirectory.Snapshot fleet) {
            List<ClusterEntry> clusters = fleet.clusters();
            Map<String, Long> nodes = new HashMap<>();
            for (ClusterEntry c : clusters) {
                if (!"RELEASED".equals(c.clusterState() == null ? "" : c.clusterState().toUpperCase(Locale.ROOT))) {
                    c.liveNodes().forEach((type, n) -> nodes.merge(type.toUpperCase(Locale.ROOT), n, Long::sum));
                }
            }
            Map<String, String> majorMinor = new HashMap<>();
            return new Inventory(fleet.organizations(), clusters.size(),
                    new FleetSummary.NodeCounts(nodes.getOrDefault("FE", 0L), nodes.getOrDefault("BE", 0L),
                            nodes.getOrDefault("CN", 0L), nodes.values().stream().mapToLong(Long::longValue).sum()),
                    breakdown(clusters, ClusterEntry::clusterState, Comparator.naturalOrder()),
                    breakdown(clusters, ClusterEntry::clusterType, Comparator.naturalOrder()),
                    breakdown(clusters, ClusterEntry::tier, FleetService::compareTiers),
                    breakdown(clusters, c -> c.clusterVersion() == null ? null
                            : majorMinor.computeIfAbsent(c.clusterVersion(), v -> orUnknown(majorMinor(v))),
                            FleetService::compareVersions),
                    breakdown(clusters, ClusterEntry::region, Comparator.naturalOrder()));
        }
    }

    /**
     * What is derived from one directory snapshot: the summary's figures and the list's sorted
     * orders (each computed on first use). A new snapshot starts afresh.
     */
    private record Derived(FleetDirectory.Snapshot snapshot, Inventory inventory,
                           Map<SortOrder, List<ClusterEntry>> sorted) {

        List<ClusterEntry> sorted(SortField field, boolean descending) {
            return sorted.computeIfAbsent(new SortOrder(field, descending),
                    o -> snapshot.clusters().stream().sorted(storeOrder(field, descending)).toList());
        }
    }

    private record SortOrder(SortField field, boolean descending) {
    }

    private volatile @Nullable Derived derived;

    private Derived derived(FleetDirectory.Snapshot snapshot) {
        Derived d = derived;
        if (d == null || d.snapshot() != snapshot) {
            d = new Derived(snapshot, Inventory.of(snapshot), new java.util.concurrent.ConcurrentHashMap<>());
            derived = d;
        }
        return d;
    }

    /**
     * A page of the list. A search by text reads the store (its case-insensitive match is the
     * store's {@code lower}); every other filter and sort runs over the {@link FleetDirectory} in
     * memory with the store's semantics: nulls last in both directions, ties by cluster id in byte
     * order, text compared by code point (the byte order of UTF-8), state and type matched in upper
     * case, the version by whole leading components.
     */
    public ClusterPage clusters(ClusterQuery query) {
        access.require(Role.VIEWER);
        if (query.text() != null) {
            return clustersFromStore(query);
        }
        BillFigures figures = bills.get(billVersion.get());
        Derived fleet = derived(directory.snapshot());
        // every order but the CCU's is kept per snapshot: filtering a sorted list keeps its order
        List<ClusterEntry> matching = (query.sort() == SortField.CCU_7D
                ? fleet.snapshot().clusters().stream().filter(c -> matches(c, query))
                        .sorted(ccuOrder(figures, query.descending()))
                : fleet.sorted(query.sort(), query.descending()).stream().filter(c -> matches(c, query)))
                .toList();
        long total = matching.size();
        if (total == 0 || query.offset() >= total) {
            return new ClusterPage(List.of(), query.page(), query.size(), total);
        }
        List<ClusterListItem> items = matching.stream()
                .skip(query.offset()).limit(query.size())
                .map(c -> listItem(c, figures.ccu7d(c.clusterId())))
                .toList();
        return new ClusterPage(items, query.page(), query.size(), total);
    }

    private ClusterPage clustersFromStore(ClusterQuery query) {
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

    /** The list's filters but the text search, as {@link ClusterFilter} has them in SQL. */
    static boolean matches(ClusterEntry c, ClusterQuery q) {
        return (q.state() == null || upperEquals(c.clusterState(), q.state()))
                && (q.type() == null || upperEquals(c.clusterType(), q.type()))
                && (q.tier() == null || q.tier().equals(c.tier()))
                && (q.version() == null || c.clusterVersion() != null
                    && (c.clusterVersion().equals(q.version()) || c.clusterVersion().startsWith(q.version() + ".")))
                && (q.region() == null || q.region().equals(c.region()))
                && (q.orgId() == null || q.orgId().equals(c.orgId()));
    }

    private static boolean upperEquals(@Nullable String value, String upper) {
        return value != null && value.toUpperCase(Locale.ROOT).equals(upper);
    }

    /** The store's order of a sort field ({@link FleetRepository#sortExpression}): nulls last, then cluster id. */
    static Comparator<ClusterEntry> storeOrder(SortField field, boolean descending) {
        Comparator<ClusterEntry> key = switch (field) {
            case CLUSTER_NAME -> nullsLast(ClusterEntry::clusterName, FleetService::compareCodePoints, descending);
            case CLUSTER_STATE -> nullsLast(ClusterEntry::clusterState, FleetService::compareCodePoints, descending);
            case CLUSTER_TYPE -> nullsLast(ClusterEntry::clusterType, FleetService::compareCodePoints, descending);
            case CLUSTER_VERSION -> nullsLast(ClusterEntry::clusterVersion, FleetService::compareCodePoints, descending);
            case REGION -> nullsLast(ClusterEntry::region, FleetService::compareCodePoints, descending);
            case TIER -> nullsLast(c -> tierRank(c.tier()), Comparator.<Integer>naturalOrder(), descending);
            case ORG_NAME -> nullsLast(ClusterEntry::orgName, FleetService::compareCodePoints, descending);
            case CREATED_AT -> nullsLast(ClusterEntry::createdAt, Comparator.<LocalDateTime>naturalOrder(), descending);
            case FE_COUNT -> nullsLast(c -> c.liveNodes("FE"), Comparator.<Long>naturalOrder(), descending);
            case BE_COUNT -> nullsLast(c -> c.liveNodes("BE"), Comparator.<Long>naturalOrder(), descending);
            case CN_COUNT -> nullsLast(c -> c.liveNodes("CN"), Comparator.<Long>naturalOrder(), descending);
            case CCU_7D -> throw new IllegalArgumentException("the CCU order needs the bill figures");
        };
        return key.thenComparing(ClusterEntry::clusterId, FleetService::compareCodePoints);
    }

    private static Comparator<ClusterEntry> ccuOrder(BillFigures figures, boolean descending) {
        Comparator<ClusterEntry> ccu = Comparator.comparing(c -> figures.ccu7d(c.clusterId()));
        return (descending ? ccu.reversed() : ccu).thenComparing(ClusterEntry::clusterId, FleetService::compareCodePoints);
    }

    private static <T> Comparator<ClusterEntry> nullsLast(Function<ClusterEntry, @Nullable T> key, Comparator<T> order,
                                                          boolean descending) {
        return Comparator.comparing(key, Comparator.nullsLast(descending ? order.reversed() : order));
    }

    /** S, A, B as 1, 2, 3; any other tier (or none) sorts as null. */
    private static @Nullable Integer tierRank(@Nullable String tier) {
        return tier == null ? null : switch (tier) {
            case "S" -> 1;
            case "A" -> 2;
            case "B" -> 3;
            default -> null;
        };
    }

    private static ClusterListItem listItem(ClusterEntry c, BigDecimal ccu7d) {
        return new ClusterListItem(c.clusterId(), c.clusterName(), c.orgId(), c.orgName(), c.tier(), c.clusterType(),
                c.clusterState(), c.clusterVersion(), c.csp(), c.region(), c.liveNodes("FE"), c.liveNodes("BE"),
                c.liveNodes("CN"), c.createdAt(), ccu7d);
    }

    /**
     * A page in CCU order, which lives in memory: every matching id sorted by CCU (nulls cannot
     * occur: no bills is zero), ties by cluster id ascending in byte order as the store sorts text,
     * then the rows of that page.
     */
    private List<ClusterListItem> byCcu(ClusterQuery query, BillFigures figures) {
        Comparator<String> ccu = Comparator.comparing(figures::ccu7d);
        List<String> page = repository.findClusterIds(query).stream()
                .sorted((query.descending() ? ccu.reversed() : ccu).thenComparing(FleetService::compareCodePoints))
                .skip(query.offset()).limit(query.size())
                .toList();
        Map<String, ClusterListItem> rows = repository.findClustersById(page).stream()
                .collect(Collectors.toMap(ClusterListItem::clusterId, Function.identity()));
        // a cluster deleted between the two reads is left out
        return page.stream().map(rows::get).filter(Objects::nonNull).toList();
    }

    /** Code point order, which is the byte order of UTF-8 text: the order the store sorts text in. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
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

    /**
     * Everything about one cluster; empty when there is no such cluster. The control-plane rows come
     * from every cluster's rows in memory ({@link FleetRepository#detailTables}), loaded again when a
     * fingerprint of those five tables' content changes (row counts and sums of row hashes over every
     * column shown, in place updates included), which is read again in the background once the
     * directory's recheck interval has passed (it scans the five tables: no request waits for it): a
     * change of the replica shows within that interval and the fingerprint's read.
     * Each of those tables is a scan per read of one cluster (no index serves a bound parameter).
     */
    public Optional<ClusterDetail> cluster(String clusterId) {
        access.require(Role.VIEWER);
        if (clusterId == null || clusterId.isBlank() || clusterId.length() > MAX_CLUSTER_ID_LENGTH) {
            throw new InvalidParameterException("id",
                    "a cluster id has 1 to " + MAX_CLUSTER_ID_LENGTH + " characters");
        }
        // the organization and its profile from the directory: within its recheck interval of the cluster's row
        FleetDirectory.Snapshot fleet = directory.snapshot();
        Optional<DetailTables> tables = detailTables.current();
        if (tables.isPresent()) {
            DetailTables t = tables.get();
            return Optional.ofNullable(t.clusters().get(clusterId)).map(c -> new ClusterDetail(
                    c,
                    c.accountId() == null ? null : organization(fleet, c.accountId()),
                    t.resources().getOrDefault(clusterId, List.of()),
                    t.nodes().getOrDefault(clusterId, List.of()),
                    t.actions().getOrDefault(clusterId, List.of()),
                    t.stateHistory().getOrDefault(clusterId, List.of()),
                    latestMetrics(clusterId)));
        }
        // while the tables are being loaded after a change (a second or so at seed scale): straight from the store
        return repository.findCluster(clusterId).map(c -> new ClusterDetail(
                c,
                c.accountId() == null ? null : organization(fleet, c.accountId()),
                repository.resources(clusterId),
                repository.nodes(clusterId),
                repository.recentActions(clusterId, RECENT_ROWS),
                repository.stateHistory(clusterId, RECENT_ROWS),
                latestMetrics(clusterId)));
    }

    /** The organization of an account, with its customer profile; null when the account or organization is missing. */
    private static @Nullable OrganizationInfo organization(FleetDirectory.Snapshot fleet, String accountId) {
        return fleet.organization(fleet.accountOrg(accountId))
                .map(o -> new OrganizationInfo(o.orgId(), o.orgName(), o.paymentType(), o.customerName(), o.tier(),
                        o.region(), o.industry(), o.owner()))
                .orElse(null);
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

    /** Clusters per value of {@code key} (blank or missing as {@link #UNKNOWN}), in {@code order}. */
    private static Map<String, Long> breakdown(List<ClusterEntry> clusters, Function<ClusterEntry, @Nullable String> key,
                                               Comparator<String> order) {
        Map<String, Long> counts = new HashMap<>();
        for (ClusterEntry c : clusters) {
            counts.merge(orUnknown(key.apply(c)), 1L, Long::sum);
        }
        Map<String, Long> ordered = new TreeMap<>(order);
        ordered.putAll(counts);
        return ordered;
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
