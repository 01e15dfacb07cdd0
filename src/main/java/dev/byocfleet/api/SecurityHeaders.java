package dev.byocfleet.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;

/**
 * The response headers of every route, in one list: the security filter chains write them, and so
 * does a route served ahead of those chains (the alert webhooks), so no response goes out without
 * them. Spring's no-store cache header is left out: it would defeat caching of the web app's hashed
 * files, and token responses set no-store themselves. HSTS is written on HTTPS requests only.
 */
public final class SecurityHeaders {

    /**
     * The web app loads only its own scripts; inline styles stay allowed because ECharts writes its
     * tooltips as styled HTML; frames may show an https page (Looker's signed embedding); nobody may
     * frame this app. No CORS configuration exists, so other origins get no CORS headers at all.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; frame-src 'self' https:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    static final List<HeaderWriter> WRITERS = List.of(
            new XContentTypeOptionsHeaderWriter(),
            new HstsHeaderWriter(),
            new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
            new XXssProtectionHeaderWriter(),
            new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY),
            new ReferrerPolicyHeaderWriter(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));

    private SecurityHeaders() {
    }

    /** Writes the headers onto a response that no security filter chain handles. */
    public static void write(HttpServletRequest request, HttpServletResponse response) {
        for (HeaderWriter writer : WRITERS) {
            writer.writeHeaders(request, response);
        }
    }
}
