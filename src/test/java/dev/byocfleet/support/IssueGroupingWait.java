package dev.byocfleet.support;

import dev.byocfleet.ingest.AlertStore;
import java.time.Duration;

/**
 * Issue grouping runs after a webhook is answered: tests that read issues (or count rows) right after
 * one wait here until the alerts stored so far are grouped.
 */
public final class IssueGroupingWait {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private IssueGroupingWait() {
    }

    /**
     * Webhooks are answered once their alerts are in the alert journal, and loaded into the store
     * right after: tests that read rows after a webhook wait here until they are loaded.
     */
    public static void awaitStored(AlertStore alerts) {
        if (!alerts.awaitLoaded(LIMIT)) {
            throw new AssertionError("the accepted alerts were not loaded within " + LIMIT.toSeconds() + " s");
        }
    }

    public static void await(AlertStore alerts) {
        if (!alerts.awaitListeners(LIMIT)) {
            throw new AssertionError("issue grouping did not finish within " + LIMIT.toSeconds() + " s");
        }
    }
}
