package dev.byocfleet.store;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the store's pool and brings its schema up to date. When the server starts while the store is
 * unreachable (the DuckDB file locked by another process, StarRocks down), it starts anyway: every
 * connection request fails at once naming the reason (callers answer 503), a background thread
 * retries with growing pauses, and once the store opens the start-up work that needs it (first admin,
 * demo fleet, knowledge corpus...) runs in the order it was registered with {@link #whenAvailable}.
 * Command-line runs do not wait: there an unreachable store fails the run, as before.
 */
public final class StoreAvailability implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreAvailability.class);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Pattern LOCK_HOLDER = Pattern.compile("\\(PID (\\d+)\\)");

    private record Deferred(String what, Runnable work) {}

    private final Dialect dialect;
    private final StoreProperties props;
    private final Duration maxPause;
    private final Queue<Deferred> pending = new ArrayDeque<>();
    private volatile @Nullable DataSource pool;
    private volatile @Nullable String problem;
    /** True once the pool is open and the work deferred while it was not has been handed out. */
    private boolean settled;
    private volatile boolean closed;
    private @Nullable Thread reconnect;

    /**
     * Opens the store now; when that fails and {@code waitForStore} is set, keeps retrying in the
     * background (pauses doubling from one second up to {@code maxPause}) instead of failing.
     */
    public StoreAvailability(Dialect dialect, StoreProperties props, boolean waitForStore, Duration maxPause) {
        this.dialect = dialect;
        this.props = props;
        this.maxPause = maxPause.compareTo(FIRST_PAUSE) < 0 ? FIRST_PAUSE : maxPause;
        RuntimeException failure = tryOpen();
        if (failure == null) {
            settled = true;
            return;
        }
        if (!waitForStore) {
            throw failure;
        }
        log.warn("the {} store is unavailable at start-up ({}); the server starts anyway, answers 503 where the "
                + "store is needed and keeps trying to open it", dialect.name(), problem);
        log.debug("opening the store failed", failure);
        reconnect = Thread.ofPlatform().name("store-reconnect").daemon(true).start(this::reconnect);
    }

    /** Whether the store is open (its schema current); false while the server waits for it. */
    public boolean available() {
        return pool != null;
    }

    /** Why the store could not be opened, in a short sentence fit for an API answer; empty once it is open. */
    public Optional<String> problem() {
        return pool != null ? Optional.empty() : Optional.ofNullable(problem);
    }

    /** " (why)" to append to an answer about an unavailable store, or "" when there is no known reason. */
    public String outageNote() {
        return problem().map(p -> " (" + p + ")").orElse("");
    }

    /**
     * Runs {@code work} now when the store is open, else once it opens (in registration order, on the
     * reconnecting thread; a failure there is logged and the next piece of work runs).
     */
    public void whenAvailable(String what, Runnable work) {
        synchronized (pending) {
            if (!settled) {
                pending.add(new Deferred(what, work));
                log.info("waiting for the store before {}", what);
                return;
            }
        }
        work.run();
    }

    /** The open pool, or a connection failure naming why there is none (SQLState 08001: Spring answers 503). */
    DataSource pool() throws SQLException {
        DataSource p = pool;
        if (p == null) {
            throw new SQLTransientConnectionException("the " + dialect.name() + " store is unavailable: "
                    + (problem == null ? "it is being opened" : problem), "08001");
        }
        return p;
    }

    private @Nullable RuntimeException tryOpen() {
        DataSource opened = null;
        try {
            opened = dialect.openDataSource(props);
            new SchemaMigrator(dialect.name()).migrate(opened);
            pool = opened;
            problem = null;
            return null;
        } catch (RuntimeException e) {
            closeQuietly(opened);
            problem = describe(e);
            return e;
        }
    }

    private void reconnect() {
        Duration pause = FIRST_PAUSE;
        int attempts = 1;
        while (!closed) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
            if (closed) {
                return;
            }
            String before = problem;
            attempts++;
            RuntimeException failure = tryOpen();
            if (failure == null) {
                log.info("the {} store is available after {} attempts; running the start-up work that waited for it",
                        dialect.name(), attempts);
                runDeferred();
                return;
            }
            if (!String.valueOf(before).equals(problem)) {
                log.warn("the {} store is still unavailable, now because {}", dialect.name(), problem);
            }
            log.debug("opening the store failed (attempt {})", attempts, failure);
            pause = pause.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : pause.multipliedBy(2);
        }
    }

    private void runDeferred() {
        while (!closed) {
            Deferred next;
            synchronized (pending) {
                next = pending.poll();
                if (next == null) {
                    settled = true;
                    return;
                }
            }
            try {
                next.work().run();
            } catch (RuntimeException e) {
                log.error("start-up work after the store opened failed: {}", next.what(), e);
            }
        }
    }

    /** A short reason without stack traces, SQL or credentials: what an operator needs to act on. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(' ').append(t.getMessage());
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return "the store is unreachable (" + t.getClass().getSimpleName() + ": "
                        + firstLine(t.getMessage()) + ")";
            }
            root = t;
        }
        String all = messages.toString();
        if (all.contains("Could not set lock on file")) {
            Matcher holder = LOCK_HOLDER.matcher(all);
            return "the DuckDB file is locked by another process" + (holder.find() ? " (PID " + holder.group(1) + ")" : "");
        }
        if (all.contains("Communications link failure")) {
            return "the store is unreachable (communications link failure)";
        }
        return "the store failed: " + firstLine(root.getMessage());
    }

    private static String firstLine(@Nullable String message) {
        String m = String.valueOf(message).strip();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }

    private static void closeQuietly(@Nullable DataSource ds) {
        if (ds instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                log.debug("closing a pool that failed to open", e);
            }
        }
    }

    /** Stops waiting for the store and closes its pool. */
    @Override
    public void close() {
        closed = true;
        Thread t = reconnect;
        if (t != null) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly(pool);
    }
}
