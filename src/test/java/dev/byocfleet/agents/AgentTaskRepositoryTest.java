package dev.byocfleet.agents;

import static dev.byocfleet.agents.AgentFixture.AT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;

class AgentTaskRepositoryTest {

    private final AgentFixture f = new AgentFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @RepeatedTest(5)
    void twoClaimersOfOneTaskHaveExactlyOneWinner() throws Exception {
        AgentTaskRepository tasks = f.tasks();
        tasks.insert(new AgentTask("t-1", "c-b", null, "critical_alert", "m-1", 70, AgentTask.PENDING, AT, null, null,
                AT.plusHours(6), null, "{}"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                claims.add(pool.submit(() -> {
                    start.await();
                    return tasks.claim("t-1", AT);
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> c : claims) {
                winners += c.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(tasks.find("t-1").orElseThrow().status()).isEqualTo(AgentTask.RUNNING);
        } finally {
            pool.shutdownNow();
        }
    }
}
