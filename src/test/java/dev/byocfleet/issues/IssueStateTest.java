package dev.byocfleet.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A recount after every added alert (what a grouping pass does) gives the figures of one recount over them all. */
class IssueStateTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 29, 0, 0);
    private static final String[] SEVERITIES = {"info", "warning", "critical"};

    private static List<IssueAlert> alerts(long seed, int n) {
        Random r = new Random(seed);
        List<IssueAlert> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String instance = "i-" + r.nextInt(40);
            boolean firing = r.nextInt(4) != 0;
            out.add(new IssueAlert("m-" + seed + "-" + i, 1L, "key", instance, firing ? "firing" : "resolved",
                    SEVERITIES[r.nextInt(3)], "X", "node-" + r.nextInt(400), "fp-" + r.nextInt(300),
                    T0.plusMinutes(r.nextInt(10_000)), T0));
        }
        return out;
    }

    private static List<Object> figures(IssueState s) {
        return List.of(s.alertCount, s.firingCount, s.severity, String.valueOf(s.firstSeen), String.valueOf(s.lastSeen),
                List.copyOf(s.affectedNodes), List.copyOf(s.fingerprints));
    }

    private static IssueState allAtOnce(List<IssueAlert> alerts) {
        IssueState s = new IssueState(1, "key");
        s.alerts.addAll(alerts);
        s.recount();
        return s;
    }

    @Test
    void recountingAfterEachAddedAlertEqualsOneRecountOverAll() {
        List<IssueAlert> all = alerts(7, 900);
        IssueState oneByOne = new IssueState(1, "key");
        for (IssueAlert a : all) {
            oneByOne.alerts.add(a);
            oneByOne.recount();
            if (a.firing()) {
                boolean resolvedSoFar = oneByOne.alerts.stream()
                        .anyMatch(b -> b.instanceKey().equals(a.instanceKey()) && !b.firing());
                assertThat(oneByOne.instanceResolved(a.instanceKey())).isEqualTo(resolvedSoFar);
            }
        }
        IssueState whole = allAtOnce(all);
        assertThat(figures(oneByOne)).isEqualTo(figures(whole));
        assertThat(oneByOne.affectedNodes).hasSize(IssueState.MAX_NODES);
        assertThat(oneByOne.fingerprints).hasSize(IssueState.MAX_FINGERPRINTS);
    }

    @Test
    void afterTheAlertsAreClearedAndOthersAddedTheFiguresAreThoseOfTheOthersAlone() {
        IssueState merged = new IssueState(1, "key");
        for (IssueAlert a : alerts(1, 300)) {
            merged.alerts.add(a);
            merged.recount();
        }
        merged.alerts.clear();
        List<IssueAlert> others = alerts(2, 50);
        for (IssueAlert a : others) {
            merged.alerts.add(a);
            merged.recount();
        }
        assertThat(figures(merged)).isEqualTo(figures(allAtOnce(others)));
    }

    @Test
    void afterEveryAddedAlertTheCountsAreThoseOfItsInstancesCountedDirectly() {
        IssueState s = new IssueState(1, "key");
        for (IssueAlert a : alerts(11, 600)) {
            s.alerts.add(a);
            s.recount();
            java.util.Map<String, Boolean> firing = new java.util.HashMap<>();
            for (IssueAlert b : s.alerts) {
                firing.put(b.instanceKey(), firing.getOrDefault(b.instanceKey(), true) && b.firing());
            }
            assertThat(s.alertCount).isEqualTo(firing.size());
            assertThat(s.firingCount).isEqualTo((int) firing.values().stream().filter(f -> f).count());
        }
    }

    @Test
    void aBoundedSetHoldsTheFirstValuesInSortOrderWhateverOrderTheyCameIn() {
        Random r = new Random(7);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            values.add("fp-" + r.nextInt(900));
        }
        java.util.TreeSet<String> bounded = new java.util.TreeSet<>();
        values.forEach(v -> IssueState.addFirst(bounded, v, 100));
        assertThat(List.copyOf(bounded)).isEqualTo(values.stream().distinct().sorted().limit(100).toList());

        // a set stored larger than the bound (an older row) is cut to it by the next value
        java.util.TreeSet<String> stored = new java.util.TreeSet<>(values.subList(0, 500));
        IssueState.addFirst(stored, "zz", 100);
        assertThat(List.copyOf(stored)).isEqualTo(values.subList(0, 500).stream().distinct().sorted().limit(100).toList());
    }
}
