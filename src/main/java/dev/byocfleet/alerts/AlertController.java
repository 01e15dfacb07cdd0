package dev.byocfleet.alerts;

import dev.byocfleet.api.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/alerts")
@Tag(name = "alerts", description = "Every stored alert as the ingestion paths normalized it (the Raw Alerts page)")
class AlertController {

    private final AlertService alerts;

    AlertController(AlertService alerts) {
        this.alerts = alerts;
    }

    @GetMapping
    @Operation(summary = "List stored alerts",
            description = "A page of alerts, newest received first by default, with each alert's cluster name, "
                    + "organization and tier. Filters combine with AND; source, status and severity take "
                    + "comma-separated values and match any of them.")
    @ApiResponse(responseCode = "200", description = "One page of alerts")
    @ApiResponse(responseCode = "400", description = "A parameter is invalid; 'parameter' names it",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    AlertPage list(
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = "50") int size,
            @Parameter(description = "'field' or 'field,asc|desc' (a bare field sorts ascending); field is one of "
                    + "received_at, starts_at, severity, status, source, alert_name, cluster_id. Default received_at,desc",
                    example = "severity,desc")
            @RequestParam(required = false) String sort,
            @Parameter(description = "Received at or after: ISO-8601 with an offset, without one (UTC) or a date",
                    example = "2026-11-29T00:00:00Z")
            @RequestParam(required = false) String from,
            @Parameter(description = "Received before, same forms as from") @RequestParam(required = false) String to,
            @Parameter(description = "alertmanager, grafana, lark, lark_mcp; comma-separated", example = "alertmanager,grafana")
            @RequestParam(required = false) String source,
            @Parameter(description = "firing or resolved; comma-separated") @RequestParam(required = false) String status,
            @Parameter(description = "critical, warning or info; comma-separated") @RequestParam(required = false) String severity,
            @Parameter(description = "Cluster id, exact") @RequestParam(name = "cluster_id", required = false) String clusterId,
            @Parameter(description = "Organization id of the alert's cluster, exact")
            @RequestParam(name = "org_id", required = false) String orgId,
            @Parameter(description = "Customer tier of the alert's cluster: S, A or B") @RequestParam(required = false) String tier,
            @Parameter(description = "Case-insensitive text in the alert name, summary, cluster reference or node")
            @RequestParam(required = false) String q,
            @Parameter(description = "true: only alerts that could not be parsed; false: only those that could")
            @RequestParam(required = false) Boolean unparsed) {
        return alerts.alerts(AlertQuery.of(page, size, sort, from, to, source, status, severity, clusterId, orgId, tier,
                q, unparsed));
    }

    @GetMapping("/{messageId}")
    @Operation(summary = "One stored alert in full",
            description = "The normalized fields, labels and annotations, and the raw payload exactly as received.")
    @ApiResponse(responseCode = "200", description = "The alert")
    @ApiResponse(responseCode = "404", description = "No alert with this message id",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    AlertDetail alert(@Parameter(description = "The alert's message_id (64 hex digits)") @PathVariable String messageId) {
        return alerts.alert(messageId).orElseThrow(() -> new NotFoundException("No alert with message_id '" + messageId + "'."));
    }
}
