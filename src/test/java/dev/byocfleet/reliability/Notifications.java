package dev.byocfleet.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Alertmanager webhook notifications (version 4) whose alerts have fingerprints made from a tag. */
final class Notifications {

    private Notifications() {
    }

    /** One notification with {@code alerts} firing alerts, fingerprints {@code <tag>-<n>-<i>}. */
    static byte[] alertmanager(String tag, int n, int alerts) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < alerts; i++) {
            items.add("""
                    {"status": "firing", "labels": {"alertname": "BE Service Suspension", "cluster": "sr-prod-01",
                     "severity": "critical", "instance": "10.0.0.11:8040"},
                     "annotations": {"summary": "BE down"}, "startsAt": "2026-11-28T10:00:00Z",
                     "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "http://prometheus:9090/graph",
                     "fingerprint": "%s"}""".formatted(fingerprint(tag, n, i)));
        }
        return ("""
                {"version": "4", "receiver": "byoc-fleet", "status": "firing", "groupKey": "{}:{alertname=\\"x\\"}",
                 "truncatedAlerts": 0, "groupLabels": {}, "commonLabels": {}, "commonAnnotations": {},
                 "externalURL": "http://alertmanager:9093", "alerts": [%s]}""".formatted(String.join(",", items)))
                .getBytes(StandardCharsets.UTF_8);
    }

    static String fingerprint(String tag, int n, int i) {
        return tag + "-" + n + "-" + i;
    }
}
