package dev.byocfleet.reliability;

import dev.byocfleet.support.IssueGroupingWait;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store goes away while the application runs: webhooks answer 503 with Retry-After (so the
 * sender delivers again), other routes answer a problem detail rather than a 500, the process keeps
 * serving, and once the store is back the same deliveries are stored exactly once, without a restart.
 */
class StoreOutageIT extends ReliabilityAppTestBase {

    @AfterEach
    void storeBack() {
        storeUp();
    }

    private long stored(String tag) {
        return jdbc.queryForObject("SELECT count(*) FROM alerts.lark_alerts WHERE fingerprint LIKE ?", Long.class, tag + "-%");
    }

    private HttpResponse<String> deliver(byte[] body) throws Exception {
        return send("POST", "/api/webhooks/alertmanager", webhookHeaders("alertmanager", body), body);
    }

    @Test
    void webhooksAnswer503WithRetryAfterWhileTheStoreIsDownAndStoreOnceWhenItIsBack() throws Exception {
        String token = adminToken();
        byte[] body = Notifications.alertmanager("outage", 1, 3);
        Map<String, Long> before = rowCounts();

        storeDown();
        HttpResponse<String> refused = deliver(body);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("nothing was stored");
        HttpResponse<String> read = send("GET", "/api/alerts", Map.of("Authorization", "Bearer " + token), null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(503);
        assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        HttpResponse<String> signIn = send("POST", "/api/auth/login", Map.of("Content-Type", "application/json"),
                JSON.writeValueAsBytes(Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD)));
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(503);
        // the process still answers what needs no store
        assertThat(send("GET", "/", Map.of(), null).statusCode()).isEqualTo(200);
        assertThat(rowCounts()).isEqualTo(before);

        storeUp();
        HttpResponse<String> delivered = deliver(body);
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
        assertThat(JSON.readTree(delivered.body()).get("inserted").asInt()).isEqualTo(3);
        HttpResponse<String> again = deliver(body);
        assertThat(JSON.readTree(again.body()).get("inserted").asInt()).isZero();
        assertThat(JSON.readTree(again.body()).get("duplicates").asInt()).isEqualTo(3);
        assertThat(stored("outage")).isEqualTo(3);
        assertThat(send("GET", "/api/alerts", Map.of("Authorization", "Bearer " + token), null).statusCode()).isEqualTo(200);
    }

    @Test
    void aStoreFailingDuringSustainedIntakeLosesNothingAndDuplicatesNothing() throws Exception {
        int senders = 4;
        int perSender = 25;
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger refusals = new AtomicInteger();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<?>> running = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            running.add(pool.submit(() -> {
                for (int n = 0; n < perSender; n++) {
                    byte[] body = Notifications.alertmanager("midrun-" + sender, n, 2);
                    // a sender delivers until it gets a 2xx, as Alertmanager does
                    for (int attempt = 0; ; attempt++) {
                        // not waiting for the load after a 200: every sender could then be waiting when the
                        // store goes down, and the outage only ends after refusals
                        HttpResponse<String> r = sendWithoutWaiting("POST", "/api/webhooks/alertmanager",
                                webhookHeaders("alertmanager", body), body);
                        if (r.statusCode() == 200) {
                            acknowledged.incrementAndGet();
                            break;
                        }
                        if (r.statusCode() != 503 || r.headers().firstValue("Retry-After").isEmpty() || attempt > 200) {
                            unexpected.add(r.statusCode() + " " + r.body());
                            break;
                        }
                        refusals.incrementAndGet();
                        Thread.sleep(20);
                    }
                }
                return null;
            }));
        }
        // the outage starts once intake is under way and lasts until several deliveries were refused
        while (acknowledged.get() < 10 && running.stream().anyMatch(f -> !f.isDone())) {
            Thread.sleep(5);
        }
        storeDown();
        while (refusals.get() < 3 * senders && running.stream().anyMatch(f -> !f.isDone())) {
            Thread.sleep(5);
        }
        storeUp();
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        IssueGroupingWait.awaitStored(alertStore);

        assertThat(unexpected).isEmpty();
        assertThat(refusals.get()).as("deliveries refused during the outage").isGreaterThanOrEqualTo(3 * senders);
        assertThat(acknowledged.get()).isEqualTo(senders * perSender);
        List<Map<String, Object>> counts = jdbc.queryForList("SELECT fingerprint, count(*) AS n FROM alerts.lark_alerts "
                + "WHERE fingerprint LIKE 'midrun-%' GROUP BY fingerprint");
        assertThat(counts).hasSize(senders * perSender * 2);
        assertThat(counts).allSatisfy(row -> assertThat(((Number) row.get("n")).longValue()).isEqualTo(1L));
    }
}
