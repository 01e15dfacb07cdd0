package dev.byocfleet.ingest;

import java.time.LocalDateTime;
import java.util.Map;

/** Normalized alerts with only what a test cares about set. */
final class TestAlerts {

    static final LocalDateTime STARTS = LocalDateTime.of(2026, 11, 29, 4, 30, 2, 819_723_000);

    private TestAlerts() {
    }

    static NormalizedAlert parsed(String messageId, String clusterId) {
        return new NormalizedAlert("alertmanager", messageId, "{}:{alertname=\"X\"}", "fp-" + messageId, "firing",
                "critical", "StarRocksBEDown", clusterId, clusterId == null ? "unknown-cluster" : clusterId,
                "10.0.0.11:8040", "BE down", "BE heartbeat lost", Map.of("alertname", "StarRocksBEDown", "severity",
                "critical"), Map.of("summary", "BE down"), STARTS, null, "fp-" + messageId,
                "http://prometheus.local:9090/graph", STARTS.plusSeconds(30), "parsed", null, "{\"raw\":true}");
    }

    static NormalizedAlert unparsed(String messageId) {
        return new NormalizedAlert("lark", messageId, "om_1", null, "firing", "warning", null, null, null, null,
                null, null, Map.of(), Map.of(), null, null, null, null, STARTS, "unparsed", "no alert found in card",
                "{\"title\":\"?\"}");
    }
}
