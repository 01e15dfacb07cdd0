package dev.byocfleet.alerts;

import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.directory.FleetDirectory;
import dev.byocfleet.directory.KeptAnswers;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
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
    private final KeptAnswers<AlertQuery, AlertPage> pages;

    AlertService(AlertQueryRepository repository, FleetDirectory directory) {
        this.repository = repository;
        this.directory = directory;
        this.pages = new KeptAnswers<>(directory, AlertQueryRepository.LIST_COLUMNS, MAX_KEPT_PAGES);
    }

    /**
     * A page of the list. The same query is answered from memory while neither the alerts' columns
     * a list reads (a fingerprint of their content: new alerts, status, issue and any other change)
     * nor the fleet directory changed ({@link KeptAnswers}): a change shows within the directory's
     * recheck interval, as the directory's names do.
     */
    public AlertPage alerts(AlertQuery query) {
        return pages.get(query, this::read);
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
