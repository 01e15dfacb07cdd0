package dev.byocfleet.agents;

import dev.byocfleet.support.TestStore;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A migrated store with hand-made clusters of each tier and alerts, for the agents' unit tests. */
final class AgentFixture implements AutoCloseable {

    static final LocalDateTime AT = LocalDateTime.of(2026, 11, 28, 12, 0);

    final TestStore store = new TestStore();
    final JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
    final JdbcClient client = JdbcClient.create(store.dataSource());
    private final AtomicInteger alerts = new AtomicInteger();

    AgentFixture() {
        jdbc.update("INSERT INTO byoc.organization (org_id, org_name) VALUES ('org-s', 'Strategic'), ('org-a', 'Important'), "
                + "('org-b', 'Standard')");
        jdbc.update("INSERT INTO byoc.account (account_id, org_id) VALUES ('acc-s', 'org-s'), ('acc-a', 'org-a'), ('acc-b', 'org-b')");
        jdbc.update("INSERT INTO metrics.dim_customer_profile (org_id, customer_name, tier) VALUES "
                + "('org-s', 'Strategic Inc', 'S'), ('org-a', 'Important Co', 'A'), ('org-b', 'Standard Ltd', 'B')");
        cluster("c-s", "acc-s");
        cluster("c-a", "acc-a");
        cluster("c-b", "acc-b");
        cluster("c-b2", "acc-b");
    }

    void cluster(String id, String account) {
        jdbc.update("INSERT INTO byoc.cluster (cluster_id, account_id, cluster_name, cluster_type, region, cluster_state, "
                + "cluster_version, created_at) VALUES (?, ?, ?, 'CLASSIC', 'us-west-2', 'RUNNING', '3.3.7', TIMESTAMP '2025-01-01 00:00:00')",
                id, account, id + "-name");
    }

    String alert(String clusterId, String name, String severity, LocalDateTime startsAt, String summary) {
        String id = "m-" + alerts.incrementAndGet();
        jdbc.update("INSERT INTO alerts.lark_alerts (message_id, source, status, severity, alert_name, cluster_id, summary, "
                + "starts_at, received_at, parse_status) VALUES (?, 'alertmanager', 'firing', ?, ?, ?, ?, ?, ?, 'ok')",
                id, severity, name, clusterId, summary, startsAt, startsAt);
        return id;
    }

    AgentTaskRepository tasks() {
        return new AgentTaskRepository(client);
    }

    @Override
    public void close() {
        store.close();
    }
}
