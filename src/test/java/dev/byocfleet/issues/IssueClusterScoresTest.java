package dev.byocfleet.issues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.support.TestStore;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The issue detail's health of its cluster when the issue started and now: the score of the newest
 * fleet pass at or before each time, whether that pass is minutes or weeks old.
 */
class IssueClusterScoresTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 1, 10, 0);

    private final TestStore store = new TestStore();
    private final JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
    private final IssueQueryRepository repository = new IssueQueryRepository(JdbcClient.create(store.dataSource()));

    @AfterEach
    void close() {
        store.close();
    }

    private void score(String cluster, LocalDateTime at, Double score) {
        jdbc.update("INSERT INTO alerts.cluster_health_scores (cluster_id, scored_at, score, status) VALUES (?, ?, ?, 'ok')",
                cluster, at, score);
    }

    private IssueQueryRepository.ClusterScores at(LocalDateTime start, LocalDateTime now) {
        return repository.clusterScores("c-1", start, now, repository.passHours());
    }

    @Test
    void theNewestPassAtOrBeforeEachTimeIsFoundHoweverOldItIs() {
        score("c-1", T0, 80.0);
        score("c-1", T0.plusHours(1), 70.0);
        score("c-2", T0.plusHours(1), 50.0);

        assertThat(at(T0.plusMinutes(30), T0.plusMinutes(90))).isEqualTo(new IssueQueryRepository.ClusterScores(80.0, 70.0));
        assertThat(at(T0.minusMinutes(1), T0)).as("nothing scored before the start")
                .isEqualTo(new IssueQueryRepository.ClusterScores(null, 80.0));
        assertThat(at(T0.plusDays(5), T0.plusDays(40))).as("passes days and weeks before both times")
                .isEqualTo(new IssueQueryRepository.ClusterScores(70.0, 70.0));
        assertThat(at(T0.plusMinutes(30), T0.plusDays(3))).as("one recent, one three days old")
                .isEqualTo(new IssueQueryRepository.ClusterScores(80.0, 70.0));

        // a newer pass that did not score this cluster (or scored it NULL) gives no score, not an older one
        score("c-2", T0.plusDays(4), 55.0);
        score("c-1", T0.plusDays(6), null);
        score("c-2", T0.plusDays(6), 60.0);
        assertThat(at(T0.plusDays(4).plusHours(1), T0.plusDays(20)))
                .isEqualTo(new IssueQueryRepository.ClusterScores(null, null));
        assertThat(at(T0.plusMinutes(30), T0.plusDays(5))).isEqualTo(new IssueQueryRepository.ClusterScores(80.0, null));
    }
}
