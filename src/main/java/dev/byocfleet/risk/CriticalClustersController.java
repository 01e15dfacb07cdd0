package dev.byocfleet.risk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/critical-clusters")
@Tag(name = "critical_clusters", description = "Clusters at critical or high risk with their top reasons")
class CriticalClustersController {

    private final RiskService risk;

    CriticalClustersController(RiskService risk) {
        this.risk = risk;
    }

    @GetMapping
    @Operation(summary = "Critical and high-risk clusters",
            description = "From the newest risk snapshot, riskiest first; reasons are the risk factors as sentences "
                    + "followed by the costliest health factors.")
    CriticalClusters critical(
            @Parameter(description = "Comma-separated levels (default critical,high)") @RequestParam(required = false) String level,
            @Parameter(description = "Customer tier S, A or B") @RequestParam(required = false) String tier,
            @Parameter(description = "Rows, 1 to 500") @RequestParam(defaultValue = "100") int limit) {
        return risk.critical(level, tier, limit);
    }
}
