package dev.byocfleet.ingest;

import java.util.List;

/**
 * Told about alerts right after {@link AlertStore} committed them, on every ingestion path (webhooks,
 * Lark pipeline, Lark loader, demo generation). Owned by ingest so features that react to new alerts
 * (issue grouping) depend on ingest and not the other way round.
 *
 * <p>Called on the store's listener thread after the commit (callers may already have been answered),
 * with only the newly inserted alerts (duplicates left out) in the order they were stored; the alerts
 * of several commits may come in one call. A listener that throws does not undo the commit: the
 * alerts stay stored and the failure is logged. A listener must tolerate alerts it has seen before
 * (the issue sweep hands over stored alerts no call delivered).
 */
public interface AlertsStoredListener {

    void alertsStored(List<NormalizedAlert> alerts);
}
