package dev.byocfleet.risk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/risk")
@Tag(name = "risk", description = "Hourly risk level per cluster: health, its trend, capacity, issues, customer tier")
class RiskController {

    private final RiskService risk;

    RiskController(RiskService risk) {
        this.risk = risk;
    }

    @GetMapping
    @Operation(summary = "Risk distribution of the fleet",
            description = "The newest hourly snapshot counted by level (critical, high, medium, low), and by level within "
                    + "each tier, region, major.minor version and cluster type.")
    RiskDistribution distribution() {
        return risk.distribution();
    }

    @GetMapping("/clusters/{id}")
    @Operation(summary = "A cluster's newest risk with its factors")
    @ApiResponse(responseCode = "404", description = "No such cluster or no assessment yet",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    RiskAssessment cluster(@PathVariable String id) {
        return risk.cluster(id);
    }
}
