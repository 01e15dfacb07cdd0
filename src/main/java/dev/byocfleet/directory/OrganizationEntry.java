package dev.byocfleet.directory;

import org.jspecify.annotations.Nullable;

/**
 * One organization of the control-plane replica with its customer profile (the profile's fields
 * null when it has none): what a cluster's page shows about its owner.
 */
public record OrganizationEntry(
        String orgId,
        @Nullable String orgName,
        @Nullable String paymentType,
        @Nullable String customerName,
        @Nullable String tier,
        @Nullable String region,
        @Nullable String industry,
        @Nullable String owner) {
}
