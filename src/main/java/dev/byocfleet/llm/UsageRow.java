package dev.byocfleet.llm;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code alerts.llm_usage}: one model call, successful or not.
 *
 * @param outcome {@code ok}, or the failure's kind in lower case ({@code rate_limited}, {@code auth},
 *                {@code cancelled}, ...)
 * @param costUsd null when the model has no price in the table
 */
record UsageRow(String usageId, LocalDateTime createdAt, CallContext context, String provider, @Nullable String model,
                TokenUsage tokens, @Nullable Double costUsd, long latencyMs, String outcome, @Nullable String error) {}
