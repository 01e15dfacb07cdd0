package dev.byocfleet.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.TestStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Kept answers give way to a change of their tables or of the directory within the recheck interval, and to forget(). */
class KeptAnswersTest {

    private static final Duration RECHECK = Duration.ofSeconds(1);

    private TestStore store;
    private JdbcClient jdbc;
    private final AtomicLong nanos = new AtomicLong(1_000);
    /** The queries each answer was computed for, in order. */
    private final List<String> reads = new ArrayList<>();
    private KeptAnswers<String, String> answers;

    @BeforeEach
    void aSmallStore() {
        store = new TestStore();
        jdbc = JdbcClient.create(store.dataSource());
        jdbc.sql("INSERT INTO byoc.organization (org_id, org_name) VALUES ('org-1', 'Acme')").update();
        jdbc.sql("INSERT INTO alerts.issues (issue_id, grouping_key, title, status, severity, created_at, updated_at) VALUES (1, 'k', 'disk', 'open', 'critical', TIMESTAMP '2026-11-30 08:00:00', TIMESTAMP '2026-11-30 08:00:00')").update();
        FleetDirectory directory = new FleetDirectory(new DirectoryRepository(jdbc, new DuckDbDialect()), RECHECK, nanos::get);
        answers = new KeptAnswers<>(directory, Map.of("alerts.issues", List.of("issue_id", "title", "status")), 2);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String ask(String query) {
        return answers.get(query, q -> {
            reads.add(q);
            return q + ":" + jdbc.sql("SELECT string_agg(title || '/' || status, ',' ORDER BY issue_id) FROM alerts.issues")
                    .query(String.class).single();
        });
    }

    @Test
    void theSameQueryIsAnsweredFromMemoryUntilItsTablesChangeAndTheIntervalPassed() {
        assertThat(ask("a")).isEqualTo("a:disk/open");
        assertThat(ask("a")).isEqualTo("a:disk/open");
        assertThat(ask("b")).isEqualTo("b:disk/open");
        assertThat(reads).containsExactly("a", "b");

        jdbc.sql("UPDATE alerts.issues SET status = 'resolved' WHERE issue_id = 1").update();
        assertThat(ask("a")).as("within the recheck interval").isEqualTo("a:disk/open");
        nanos.addAndGet(RECHECK.toNanos());
        assertThat(ask("a")).as("an in-place update, once the interval passed").isEqualTo("a:disk/resolved");
        assertThat(ask("a")).isEqualTo("a:disk/resolved");
        assertThat(reads).containsExactly("a", "b", "a");

        nanos.addAndGet(RECHECK.toNanos());
        assertThat(ask("a")).as("nothing changed since: still kept").isEqualTo("a:disk/resolved");
        assertThat(ask("b")).as("kept answers of the old version are gone").isEqualTo("b:disk/resolved");
        assertThat(reads).containsExactly("a", "b", "a", "b");
    }

    @Test
    void aColumnNotCoveredDoesNotCountAsAChangeButTheDirectoryDoes() {
        ask("a");
        jdbc.sql("UPDATE alerts.issues SET assignee = 'sre' WHERE issue_id = 1").update();
        nanos.addAndGet(RECHECK.toNanos());
        ask("a");
        assertThat(reads).containsExactly("a");

        jdbc.sql("UPDATE byoc.organization SET org_name = 'Acme Corp' WHERE org_id = 'org-1'").update();
        nanos.addAndGet(RECHECK.toNanos());
        ask("a");
        assertThat(reads).as("a new directory snapshot").containsExactly("a", "a");
    }

    @Test
    void forgetShowsAWriteOnTheVeryNextRead() {
        ask("a");
        jdbc.sql("UPDATE alerts.issues SET status = 'acknowledged' WHERE issue_id = 1").update();
        answers.forget();
        assertThat(ask("a")).isEqualTo("a:disk/acknowledged");
    }

    @Test
    void queriesBeyondTheLimitAreAnsweredEveryTime() {
        ask("a");
        ask("b");
        ask("c");
        ask("c");
        ask("a");
        assertThat(reads).containsExactly("a", "b", "c", "c");
    }
}
