package dev.byocfleet.alerts;

import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.directory.FleetDirectory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Stored alerts as every ingestion path wrote them: the Raw Alerts list and one alert in full. */
@Service
public class AlertService {

    /** Message ids are SHA-256 hex; anything else that could be one is letters, digits, '-' and '_'. */
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Pages kept per version of the alerts and of the directory; more distinct queries than this are read each time. */
    static final int MAX_KEPT_PAGES = 256;

    private final AlertQueryRepository repository;
    private final FleetDirectory directory;
    /** A fingerprint of every alert column a list page reads, read at most once per the directory's recheck interval. */
    private final Supplier<String> listVersion;
    private volatile @Nullable Pages pages;

    /** The pages answered for one version of the alerts and one directory snapshot. */
    private record Pages(String version, FleetDirectory.Snapshot fleet, Map<AlertQuery, AlertPage> byQuery) {
    }

    AlertService(AlertQueryRepository repository, FleetDirectory directory) {
        this.repository = repository;
        this.directory = directory;
        this.listVersion = directory.recent(directory.fingerprint(AlertQueryRepository.LIST_COLUMNS));
    }

    /**
     * A page of the list. The same query is answered from memory while neither the alerts' columns
     * a list reads (a fingerprint of their content: new alerts, status, issue and any other change)
     * nor the fleet directory changed; both are checked at most once per the directory's recheck
     * interval, so a change shows within that interval, as the directory's names do. The version is
     * read before the page, so a kept page is never older than the version it is kept under.
     */
    public AlertPage alerts(AlertQuery query) {
        String version = listVersion.get();
        FleetDirectory.Snapshot fleet = directory.snapshot();
        Pages kept = pages;
        if (kept == null || !kept.version().equals(version) || kept.fleet() != fleet) {
            kept = new Pages(version, fleet, new ConcurrentHashMap<>());
            pages = kept;
        }
        AlertPage page = kept.byQuery().get(query);
        if (page == null) {
            page = read(query);
            if (kept.byQuery().size() < MAX_KEPT_PAGES) {
                kept.byQuery().put(query, page);
            }
        }
        return page;
    }

    private AlertPage read(AlertQuery query) {
        long total = repository.count(query);
        return new AlertPage(total <= query.offset() ? List.of() : named(repository.page(query)), query.page(),
                query.size(), total);
    }

    /** The rows (read without them) with their cluster's name, organization id and tier from the fleet directory. */
    private List<AlertSummary> named(List<AlertSummary> rows) {
        return directory.named(rows, AlertSummary::clusterId, (r, c) -> r.withCluster(c.clusterName(), c.orgId(), c.tier()));
    }

    public Optional<AlertDetail> alert(String messageId) {
        if (messageId == null || !MESSAGE_ID.matcher(messageId).matches()) {
            throw new InvalidParameterException("message_id", "message_id must be 1 to 64 letters, digits, '-' or '_'");
        }
        return repository.detail(messageId);
    }
}
