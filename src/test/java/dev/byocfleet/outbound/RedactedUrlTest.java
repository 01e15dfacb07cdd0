package dev.byocfleet.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How stored destination URLs are shown: scheme, host, port and path; query values masked. */
class RedactedUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://mcp.example.com/mcp|https://mcp.example.com/mcp",
            "https://mcp.example.com:8443/v1/mcp?token=abc123|https://mcp.example.com:8443/v1/mcp?token=***",
            "https://mcp.example.com/mcp?token=abc&tenant=acme&flag|https://mcp.example.com/mcp?token=***&tenant=***&***",
            "https://mcp.example.com/mcp?abc123secret|https://mcp.example.com/mcp?***",
            "https://mcp.example.com/mcp?a=b=c|https://mcp.example.com/mcp?a=***",
            "https://user:pa55@mcp.example.com/mcp#frag|https://mcp.example.com/mcp",
            "http://[2606:4700::1111]:8080/x?k=v|http://[2606:4700::1111]:8080/x?k=***",
            "not a url|(not a valid URL)",
            "mailto:someone@example.com|(not a valid URL)"})
    void showsSchemeHostPortAndPathAndMasksQueryValues(String url, String shown) {
        assertThat(RedactedUrl.of(url)).isEqualTo(shown);
    }

    @Test
    void scrubMasksTheUrlItsQueryAndUserInfoWhereverAMessageQuotesThem() {
        String url = "https://bot:pa55w0rd@mcp.example.com/mcp?token=s3cr3t-t0k3n";
        String message = "Failed to send to " + url + " (query token=s3cr3t-t0k3n, user bot:pa55w0rd)";
        assertThat(RedactedUrl.scrub(message, url))
                .isEqualTo("Failed to send to https://mcp.example.com/mcp?token=*** (query ***, user ***)")
                .doesNotContain("s3cr3t-t0k3n", "pa55w0rd");
        assertThat(RedactedUrl.scrub("connection refused", url)).isEqualTo("connection refused");
        assertThat(RedactedUrl.scrub("no url here", null)).isEqualTo("no url here");
    }
}
