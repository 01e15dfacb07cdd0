package dev.byocfleet.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.TestStore;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class AlertRepositoryTest {

    private final TestStore store = new TestStore();
    private final JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
    private final AlertRepository repository = new AlertRepository(JdbcClient.create(store.dataSource()), jdbc,
            new DuckDbDialect());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void insertsEveryColumnWithLabelsAndAnnotationsAsSortedJson() {
        repository.insert(List.of(new AlertRepository.NewRow(TestAlerts.parsed("m-1", "c-001"), "run-1")));
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM alerts.lark_alerts");
        assertThat(row).containsEntry("message_id", "m-1").containsEntry("source", "alertmanager")
                .containsEntry("status", "firing").containsEntry("severity", "critical")
                .containsEntry("cluster_id", "c-001").containsEntry("node", "10.0.0.11:8040")
                .containsEntry("parse_status", "parsed").containsEntry("ingest_run_id", "run-1")
                .containsEntry("raw_payload", "{\"raw\":true}");
        assertThat(row.get("labels").toString()).isEqualTo("{\"alertname\":\"StarRocksBEDown\",\"severity\":\"critical\"}");
        assertThat(jdbc.queryForObject("SELECT starts_at FROM alerts.lark_alerts", LocalDateTime.class))
                .isEqualTo(TestAlerts.STARTS);
        assertThat(row.get("ends_at")).isNull();
        assertThat(row.get("issue_id")).isNull();
    }

    @Test
    void findsExistingIdsAcrossMoreThanOneChunkOfTheInList() {
        List<AlertRepository.NewRow> rows = IntStream.range(0, 1_203)
                .mapToObj(i -> new AlertRepository.NewRow(TestAlerts.parsed("m-" + i, null), null)).toList();
        repository.insert(rows);
        List<String> asked = IntStream.range(1_000, 1_400).mapToObj(i -> "m-" + i).toList();
        assertThat(repository.existingMessageIds(IntStream.range(0, 1_300).mapToObj(i -> "m-" + i).toList()))
                .hasSize(1_203);
        assertThat(repository.existingMessageIds(asked)).hasSize(203).contains("m-1000", "m-1202")
                .doesNotContain("m-1203");
        assertThat(repository.existingMessageIds(List.of())).isEmpty();
    }

    @Test
    void anIdStoredAlreadyFailsTheWholeInsertInsteadOfVanishing() {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(store.dataSource()));
        repository.insert(List.of(new AlertRepository.NewRow(TestAlerts.parsed("m-1", "c-001"), "first")));
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> repository.insert(List.of(
                new AlertRepository.NewRow(TestAlerts.parsed("m-2", null), "second"),
                new AlertRepository.NewRow(TestAlerts.parsed("m-1", "c-002"), "second")))))
                .isInstanceOf(DataAccessException.class);
        assertThat(jdbc.queryForList("SELECT message_id || ':' || ingest_run_id FROM alerts.lark_alerts", String.class))
                .containsExactly("m-1:first");
    }

    @Test
    void streamsEveryStoredMessageId() {
        repository.insert(List.of(new AlertRepository.NewRow(TestAlerts.parsed("m-1", null), null),
                new AlertRepository.NewRow(TestAlerts.parsed("m-2", null), null)));
        List<String> ids = new java.util.ArrayList<>();
        repository.forEachMessageId(ids::add);
        assertThat(ids).containsExactlyInAnyOrder("m-1", "m-2");
    }

    @Test
    void clipsTextToTheColumnWidthInUtf8BytesWithoutSplittingACharacter() {
        assertThat(AlertRepository.clip(null, 4)).isNull();
        assertThat(AlertRepository.clip("abcd", 4)).isEqualTo("abcd");
        assertThat(AlertRepository.clip("abcde", 4)).isEqualTo("abcd");
        // "告" is three bytes: two fit in seven bytes, the third would be cut in half
        assertThat(AlertRepository.clip("告警告警", 7)).isEqualTo("告警");
        assertThat(AlertRepository.clip("a😀b", 4)).isEqualTo("a");
        String longName = "x".repeat(300);
        NormalizedAlert a = TestAlerts.parsed("m-long", null);
        a = new NormalizedAlert(a.source(), a.messageId(), "k".repeat(500), a.alertId(), a.status(), a.severity(),
                longName, a.clusterId(), a.clusterRef(), a.node(), a.summary(), a.description(), a.labels(),
                a.annotations(), a.startsAt(), a.endsAt(), a.fingerprint(), a.generatorUrl(), a.receivedAt(),
                a.parseStatus(), a.parseError(), a.rawPayload());
        repository.insert(List.of(new AlertRepository.NewRow(a, null)));
        assertThat(jdbc.queryForObject("SELECT length(alert_name) FROM alerts.lark_alerts", Integer.class)).isEqualTo(256);
        assertThat(jdbc.queryForObject("SELECT length(source_message_id) FROM alerts.lark_alerts", Integer.class))
                .isEqualTo(128);
    }
}
