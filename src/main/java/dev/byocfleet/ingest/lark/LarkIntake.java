package dev.byocfleet.ingest.lark;

import dev.byocfleet.ingest.AlertStore;
import dev.byocfleet.ingest.NormalizedAlert;
import dev.byocfleet.ingest.source.lark.LarkMessageParser;
import dev.byocfleet.ingest.source.lark.LarkMessageParser.Alerts;
import dev.byocfleet.ingest.source.lark.LarkMessageParser.Skipped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Parses one page of chat items and stores its alerts: the step the pipeline and the loader share. */
@Component
class LarkIntake {

    private final LarkMessageParser parser;
    private final AlertStore store;

    LarkIntake(LarkMessageParser parser, AlertStore store) {
        this.parser = parser;
        this.store = store;
    }

    /** Returns after the page's new alerts are committed; a run calls {@link #awaitGrouping()} at its end. */
    void ingest(List<JsonNode> items, String source, String runId, RunTally tally) {
        List<NormalizedAlert> alerts = new ArrayList<>();
        for (JsonNode item : items) {
            tally.messages++;
            JsonNode created = item == null ? null : item.get("create_time");
            if (created != null && created.asString("").matches("\\d{1,15}")) {
                tally.seen(Instant.ofEpochMilli(Long.parseLong(created.asString())));
            }
            switch (parser.parse(item, source)) {
                case Skipped s -> tally.skipped(s.reason());
                case Alerts a -> {
                    tally.alertMessages++;
                    alerts.addAll(a.alerts());
                }
            }
        }
        tally.stored(store.store(alerts, runId));
    }

    /**
     * Waits until the alerts stored so far are grouped into issues: a run's end means its issues are
     * there (a webhook does not wait), and its pages are grouped in a few large passes, not one each.
     */
    void awaitGrouping() {
        store.awaitListeners();
    }
}
