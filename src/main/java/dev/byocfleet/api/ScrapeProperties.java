package dev.byocfleet.api;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Prometheus may scrape {@code /actuator/prometheus}, bound from {@code byoc.security.*}
 * (BYOC_PROMETHEUS_TOKEN, BYOC_PROMETHEUS_TRUST_LOOPBACK).
 *
 * @param prometheusToken         a bearer token that opens the scrape endpoint and nothing else
 *                                (Prometheus: {@code authorization: {credentials: ...}}); empty: only an
 *                                admin's token does
 * @param prometheusTrustLoopback whether requests from 127.0.0.1/::1 scrape without a token; off by
 *                                default, since a reverse proxy on the same host makes every outside
 *                                request look local
 */
@ConfigurationProperties("byoc.security")
record ScrapeProperties(String prometheusToken, boolean prometheusTrustLoopback) {

    static final int MIN_TOKEN_LENGTH = 16;

    ScrapeProperties {
        prometheusToken = prometheusToken == null || prometheusToken.isBlank() ? null : prometheusToken.strip();
        if (prometheusToken != null && prometheusToken.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalStateException("BYOC_PROMETHEUS_TOKEN must have at least " + MIN_TOKEN_LENGTH
                    + " characters (for example: openssl rand -hex 24)");
        }
    }

    @Override
    public String toString() {
        return "ScrapeProperties[prometheusToken=" + (prometheusToken == null ? "none" : "set")
                + ", prometheusTrustLoopback=" + prometheusTrustLoopback + "]";
    }
}
