package dev.byocfleet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * While webhooks keep arriving, loading and issue grouping wait (the busy defer) so that the senders
 * are answered first; they catch up once the intake pauses, once the defer has passed, once half of
 * the unloaded limit waits, or when someone waits for them. The load and listener gathers are off
 * here, so any wait seen is the busy defer's. The intake counts as busy for two seconds after each
 * request (in production 50 ms), so a slow test machine cannot look idle between requests.
 */
class AlertStoreBusyDeferTest {

    private static final Duration LONG = Duration.ofMinutes(10);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration BUSY_WINDOW = Duration.ofSeconds(2);

    private final RecordingAlertStore recorded = new RecordingAlertStore();
    private final List<List<String>> commits = recorded.commits;
    private final Semaphore committed = recorded.committed;
    private final List<List<String>> calls = recorded.calls;
    private final Semaphore called = recorded.calledAlerts;
    private final AtomicInteger next = new AtomicInteger();

    @AfterEach
    void close() {
        recorded.close();
    }

    private AlertStore open(Duration busyDefer, int maxUnloaded) {
        return recorded.open(Duration.ZERO, Duration.ZERO, maxUnloaded, busyDefer).busyWindow(BUSY_WINDOW);
    }

    /** One webhook request of one new alert. */
    private void request(AlertStore store) {
        String id = "m-" + next.incrementAndGet();
        assertThat(store.accept(List.of(TestAlerts.parsed(id, "c-1")), "webhook-test").inserted()).isEqualTo(1);
    }

    private static void await(Semaphore s, int permits) throws InterruptedException {
        assertThat(s.tryAcquire(permits, WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void whileRequestsKeepComingNothingIsLoadedOrGroupedAndOnceTheyPauseEverythingIs() throws Exception {
        AlertStore store = open(LONG, 1_000);

        long end = System.nanoTime() + Duration.ofMillis(600).toNanos();
        while (System.nanoTime() < end) {
            request(store);
            Thread.sleep(20);
        }
        int sent = next.get();
        assertThat(sent).isGreaterThan(5);
        assertThat(commits).as("nothing loaded while requests come").isEmpty();
        assertThat(calls).isEmpty();

        await(committed, sent);
        await(called, sent);
        assertThat(commits).as("loaded together once they paused").hasSize(1);
        assertThat(commits.getFirst()).hasSize(sent);
        assertThat(calls).hasSize(1);
    }

    @Test
    void theWaitEndsAfterTheBusyDeferEvenWhileRequestsKeepComing() throws Exception {
        AlertStore store = open(Duration.ofMillis(300), 1_000);

        long start = System.nanoTime();
        long giveUp = start + WAIT.toNanos();
        while (commits.isEmpty() && System.nanoTime() < giveUp) {
            request(store);
            Thread.sleep(10);
        }
        long firstCommit = System.nanoTime() - start;
        assertThat(commits).as("loaded while requests still came").isNotEmpty();
        assertThat(Duration.ofNanos(firstCommit)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(commits.getFirst()).as("everything queued by then, in one commit").hasSizeGreaterThan(5);
        int sent = next.get();
        await(committed, sent);
        await(called, sent);
    }

    @Test
    void halfOfTheUnloadedLimitEndsTheWait() throws Exception {
        AlertStore store = open(LONG, 10);

        for (int i = 0; i < 4; i++) {
            request(store);
        }
        Thread.sleep(300);
        assertThat(commits).as("4 of at most 10 wait: still deferred").isEmpty();

        request(store);
        // at once, not once the intake looks idle (two seconds after the last request)
        assertThat(committed.tryAcquire(5, BUSY_WINDOW.toMillis() * 3 / 4, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(commits.getFirst()).hasSize(5);
    }

    @Test
    void groupingWaitsForTheIntakeEvenWhenLoadingCannot() throws Exception {
        // half of at most 2 unloaded: the loader never waits, each alert is loaded before the next request
        AlertStore store = open(LONG, 2);

        for (int i = 0; i < 6; i++) {
            request(store);
            await(committed, 1);
            Thread.sleep(20);
        }
        assertThat(commits).hasSize(6);
        assertThat(calls).as("nothing grouped while requests come").isEmpty();

        await(called, 6);
        assertThat(calls).as("grouped together once they paused").hasSize(1);
    }

    @Test
    void refusedRequestsDoNotHoldTheLoaderBack() throws Exception {
        AlertStore store = open(LONG, 1_000);
        request(store);
        // the store fails: requests are refused; once the loader's attempt has failed too, they stay refused
        // (503, senders retry) until a load succeeds, so a loader waiting for them to stop would wait for ever
        recorded.switchable.down = true;
        long up = System.nanoTime() + BUSY_WINDOW.toNanos() + Duration.ofSeconds(1).toNanos();
        long giveUp = System.nanoTime() + WAIT.toNanos();
        int refused = 0;
        while (commits.isEmpty() && System.nanoTime() < giveUp) {
            if (recorded.switchable.down && System.nanoTime() > up) {
                recorded.switchable.down = false;
            }
            try {
                store.accept(List.of(TestAlerts.parsed("refused-" + refused, "c-1")), "webhook-test");
                break; // taken again: only once the loader succeeded
            } catch (RuntimeException e) {
                refused++;
            }
            Thread.sleep(20);
        }
        assertThat(refused).isGreaterThan(10);
        assertThat(commits).as("loaded while refused requests kept coming").isNotEmpty();
        assertThat(commits.getFirst()).containsExactly("m-1");
    }

    @Test
    void aCallerWaitingForTheLoadsEndsTheWait() throws Exception {
        AlertStore store = open(LONG, 1_000);

        for (int i = 0; i < 3; i++) {
            request(store);
        }
        long start = System.nanoTime();
        assertThat(store.awaitListeners(WAIT)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BUSY_WINDOW);
        assertThat(commits.stream().flatMap(List::stream)).containsExactly("m-1", "m-2", "m-3");
        assertThat(calls.stream().flatMap(List::stream)).containsExactly("m-1", "m-2", "m-3");
    }

    @Test
    void withoutABusyDeferTheLoaderDoesNotWaitForTheIntake() throws Exception {
        AlertStore store = open(Duration.ZERO, 1_000);

        request(store);
        long start = System.nanoTime();
        await(committed, 1);
        await(called, 1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BUSY_WINDOW);
    }
}
