package dev.byocfleet.analysis;

import java.time.LocalDateTime;
import java.util.Map;

/** What one forecast pass did: series forecast by status, and its wall time. */
public record ForecastRun(LocalDateTime asOf, int series, Map<String, Long> byStatus, long millis) {
}
