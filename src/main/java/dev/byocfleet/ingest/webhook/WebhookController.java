package dev.byocfleet.ingest.webhook;

import dev.byocfleet.store.StoreAvailability;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alert webhooks. Authentication is done here, not by the security configuration, so the endpoints
 * behave the same whatever that permits. The body is read as raw bytes (signatures cover exactly
 * those), never bound by a message converter.
 */
@RestController
@RequestMapping("/api/webhooks")
@Tag(name = "webhooks", description = "Alert intake from Prometheus Alertmanager and Grafana")
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);
    static final String RETRY_AFTER_SECONDS = "10";

    private final WebhookIntake intake;
    private final ObjectProvider<StoreAvailability> store;

    WebhookController(WebhookIntake intake, ObjectProvider<StoreAvailability> store) {
        this.intake = intake;
        this.store = store;
    }

    @PostMapping("/{source}")
    @Operation(summary = "Receive a webhook notification",
            description = "source is 'alertmanager' (webhook payload version 4) or 'grafana' (unified alerting, "
                    + "version 1). Auth: 'Authorization: Bearer <BYOC_WEBHOOK_TOKEN>' or basic auth "
                    + "(BYOC_WEBHOOK_BASIC_USER/_PASSWORD); Grafana requests must also carry a valid "
                    + "X-Grafana-Alerting-Signature when BYOC_GRAFANA_HMAC_SECRET is set. Answers 200 once the "
                    + "new alerts are committed; a redelivery stores nothing new. One invalid alert rejects the "
                    + "whole body (400 naming the field) and nothing is stored.")
    @ApiResponse(responseCode = "200", description = "Stored (or already stored)")
    @ApiResponse(responseCode = "400", description = "Malformed JSON or wrong shape; 'parameter' names the field",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "Missing or wrong credentials or signature",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "Body larger than byoc.webhooks.max-body-size (1 MiB)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "415", description = "Not application/json",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "Webhooks not configured, or the store is down (retry)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The notification exactly "
            + "as the sender posts it: Alertmanager webhook version 4 or Grafana webhook version 1, at most 1 MiB",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    WebhookReceipt receive(@Parameter(description = "alertmanager or grafana") @PathVariable String source,
                           HttpServletRequest request) throws IOException {
        return intake.receive(source, new WebhookIntake.WebhookRequest(request::getHeader, request.getInputStream()));
    }

    @ExceptionHandler(WebhookRejection.class)
    ResponseEntity<ProblemDetail> rejected(WebhookRejection e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        if (e.parameter() != null) {
            body.setProperty("parameter", e.parameter());
        }
        return ResponseEntity.status(e.status()).headers(e.headers()).body(body);
    }

    /** The store failed: the sender must deliver again, which adds nothing twice. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> storeUnavailable(RuntimeException e) {
        log.warn("webhook not stored, the store failed: {}", e.getMessage());
        StoreAvailability s = store.getIfAvailable();
        return retryLater("The alert store is unavailable" + (s == null ? "" : s.outageNote())
                + "; nothing was stored. Deliver again later.");
    }

    /**
     * Never a 500: anything unforeseen is answered as a retryable 503, because a sender that gives up
     * loses the alerts, while one that retries delivers them once the fault is gone.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("webhook not stored: unexpected failure", e);
        return retryLater("The notification could not be processed; nothing was stored. Deliver again later.");
    }

    private static ResponseEntity<ProblemDetail> retryLater(String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail));
    }
}
