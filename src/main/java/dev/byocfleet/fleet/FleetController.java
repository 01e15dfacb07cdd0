package dev.byocfleet.fleet;

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
@RequestMapping("/api/fleet")
@Tag(name = "fleet", description = "Organizations, clusters, nodes and billing of the BYOC fleet "
        + "(the byoc control-plane replica)")
class FleetController {

    private final FleetService fleet;

    FleetController(FleetService fleet) {
        this.fleet = fleet;
    }

    @GetMapping("/summary")
    @Operation(summary = "Fleet at a glance",
            description = "Counts of organizations, clusters (released included; see clusters_by_state) and live "
                    + "nodes of clusters that are not released; clusters by state, type, tier, major.minor version "
                    + "and region; CCU of this and last ISO week and USD of this week, where 'this week' is the "
                    + "week of the newest bill hour; data_through is the newest hourly metric snapshot.")
    FleetSummary summary() {
        return fleet.summary();
    }

    @GetMapping("/clusters")
    @Operation(summary = "List clusters",
            description = "A page of clusters with owner, tier, live node counts and the CCU of the 168 bill "
                    + "hours up to the newest one. Filters combine with AND.")
    @ApiResponse(responseCode = "200", description = "One page of clusters")
    @ApiResponse(responseCode = "400", description = "A parameter is invalid; 'parameter' names it",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ClusterPage clusters(
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = "25") int size,
            @Parameter(description = "'field' or 'field,asc|desc'; field is one of cluster_name, cluster_state, "
                    + "cluster_type, cluster_version, region, tier, org_name, created_at, ccu_7d, fe_count, "
                    + "be_count, cn_count", example = "ccu_7d,desc")
            @RequestParam(required = false) String sort,
            @Parameter(description = "Case-insensitive substring of the cluster name, cluster id or organization name")
            @RequestParam(required = false) String q,
            @Parameter(description = "Cluster state, case-insensitive", example = "RUNNING")
            @RequestParam(required = false) String state,
            @Parameter(description = "Cluster type, case-insensitive", example = "ELASTIC")
            @RequestParam(required = false) String type,
            @Parameter(description = "Customer tier: S, A or B") @RequestParam(required = false) String tier,
            @Parameter(description = "Version prefix by whole components: 3.3 matches 3.3.7", example = "3.3")
            @RequestParam(required = false) String version,
            @Parameter(description = "Cloud region, exact", example = "us-west-2")
            @RequestParam(required = false) String region,
            @Parameter(description = "Organization id, exact") @RequestParam(name = "org_id", required = false) String orgId) {
        return fleet.clusters(ClusterQuery.of(page, size, sort, q, state, type, tier, version, region, orgId));
    }

    @GetMapping("/clusters/{id}")
    @Operation(summary = "One cluster in full",
            description = "The cluster row, its organization and customer profile, resources, nodes, the 20 newest "
                    + "actions and state changes, and per metric the newest hourly snapshot with its band.")
    @ApiResponse(responseCode = "200", description = "The cluster")
    @ApiResponse(responseCode = "404", description = "No such cluster",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ClusterDetail cluster(@Parameter(description = "Cluster id (at most 64 characters)") @PathVariable String id) {
        return fleet.cluster(id).orElseThrow(() -> new NotFoundException("No cluster with id '" + id + "'."));
    }
}
