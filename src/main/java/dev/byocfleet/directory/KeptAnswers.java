package dev.byocfleet.directory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Answers to list queries kept in memory while neither the tables they read nor the fleet directory
 * changed: the tables' content by a fingerprint over the columns given ({@link FleetDirectory#fingerprint}),
 * both checked at most once per the directory's recheck interval, so a change shows within that
 * interval, as the directory's names do. The version is read before an answer is computed, so an
 * answer is never older than the version it is kept under. At most {@code maxKept} queries per
 * version; others are computed every time. Answers must be immutable: every reader gets the same one.
 *
 * @param <Q> the query, a value type ({@code equals} over every parameter that changes the answer)
 * @param <A> the answer
 */
public final class KeptAnswers<Q, A> {

    private record Kept<Q, A>(String version, FleetDirectory.Snapshot fleet, Map<Q, A> byQuery) {
    }

    private final FleetDirectory directory;
    private final Supplier<String> version;
    private final int maxKept;
    private volatile @Nullable Kept<Q, A> kept;

    public KeptAnswers(FleetDirectory directory, Map<String, List<String>> columnsByTable, int maxKept) {
        this.directory = directory;
        this.version = directory.recent(directory.fingerprint(columnsByTable));
        this.maxKept = maxKept;
    }

    /** The kept answer to {@code query} if it is of the current versions, otherwise {@code read}'s, kept. */
    public A get(Q query, Function<Q, A> read) {
        String now = version.get();
        FleetDirectory.Snapshot fleet = directory.snapshot();
        Kept<Q, A> current = kept;
        if (current == null || !current.version().equals(now) || current.fleet() != fleet) {
            current = new Kept<>(now, fleet, new ConcurrentHashMap<>());
            kept = current;
        }
        A answer = current.byQuery().get(query);
        if (answer == null) {
            answer = read.apply(query);
            if (current.byQuery().size() < maxKept) {
                current.byQuery().put(query, answer);
            }
        }
        return answer;
    }

    /** Forgets every kept answer: for a writer in this process, whose change must show on the very next read. */
    public void forget() {
        kept = null;
    }
}
