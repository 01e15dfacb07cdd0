package dev.byocfleet.ingest;

import java.time.LocalDateTime;

/**
 * One source of alerts (Alertmanager, Grafana, the Lark chat): turns one payload as the source sends
 * it into normalized alerts, with the source's own severity and status maps. Each source is one
 * Spring bean; consumers take {@code List<AlertSource>} and pick by {@link #name()}, so adding a
 * source touches nothing else.
 */
public interface AlertSource {

    /** The {@code source} column value, also the last path segment of a webhook: {@code alertmanager}. */
    String name();

    /**
     * Parses one payload (a webhook body, a chat message) exactly as received.
     *
     * @param payload    the raw bytes; a source keeps the part each alert came from as its raw payload
     * @param receivedAt when the payload arrived, UTC
     * @throws PayloadException when the payload is not what this source sends, naming the field
     */
    ParsedAlerts parse(byte[] payload, LocalDateTime receivedAt);
}
