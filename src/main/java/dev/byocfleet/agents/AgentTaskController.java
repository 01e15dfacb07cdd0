package dev.byocfleet.agents;

import dev.byocfleet.agents.AgentMessages.TaskPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/agent-tasks")
@Tag(name = "agent_tasks", description = "The Sentinel's queue of things to investigate, and manual runs")
class AgentTaskController {

    private final InvestigationService investigations;

    AgentTaskController(InvestigationService investigations) {
        this.investigations = investigations;
    }

    @GetMapping
    @Operation(summary = "Agent tasks, newest first")
    TaskPage list(
            @Parameter(description = "pending, running, done or failed") @RequestParam(required = false) String status,
            @Parameter(description = "Only this cluster") @RequestParam(name = "cluster_id", required = false) String clusterId,
            @Parameter(description = "critical_alert, health_cliff, alert_storm, tier_warning or manual")
            @RequestParam(name = "trigger_type", required = false) String triggerType,
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Rows per page, 1 to 200") @RequestParam(defaultValue = "25") int size) {
        return investigations.tasks(status, clusterId, triggerType, page, size);
    }
}
