package dev.byocfleet.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Placeholder with the agreed API; replaced by the full renderer on merge. */
final class AlertPayloads {

    record LarkMessage(String messageId, String msgType, String content, LocalDateTime createTime,
                       List<DemoAlert> alerts, List<Boolean> resolvedFlags) {}

    AlertPayloads(FleetModel fleet, long seed, String chatId) {
    }

    List<LarkMessage> larkMessages(List<DemoAlert> alerts) {
        List<LarkMessage> out = new ArrayList<>();
        for (DemoAlert a : alerts) {
            out.add(new LarkMessage("om_" + a.fingerprint() + a.startsAt() + "f", "text", "{\"text\":\"" + a.name() + "\"}",
                    a.startsAt(), List.of(a), List.of(false)));
            if (a.resolved()) {
                out.add(new LarkMessage("om_" + a.fingerprint() + a.startsAt() + "r", "text", "{\"text\":\"" + a.name() + "\"}",
                        a.endsAt(), List.of(a), List.of(true)));
            }
        }
        return out;
    }

    void writeAll(Path alertsDir, List<DemoAlert> alerts) throws IOException {
    }
}
