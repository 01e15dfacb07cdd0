package dev.byocfleet.ingest.webhook;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to an accepted webhook request, sent once the new alerts are committed.
 *
 * @param received        alerts in the body
 * @param inserted        alerts stored now
 * @param duplicates      alerts stored before (a redelivery) or repeated within the body
 * @param unmapped        inserted alerts that name no known cluster (stored with no cluster_id)
 * @param truncatedAlerts alerts the sender left out of the body (its {@code max_alerts}); never received
 */
@Schema(description = "What a webhook request stored")
public record WebhookReceipt(int received, int inserted, int duplicates, int unmapped, int truncatedAlerts) {
}
