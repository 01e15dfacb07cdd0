package dev.byocfleet.llm;

import dev.byocfleet.llm.LlmUsageService.ConnectionCheck;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "llm_usage", description = "The configured LLM provider and what the agents' model calls used and cost")
class LlmUsageController {

    private final LlmUsageService service;

    LlmUsageController(LlmUsageService service) {
        this.service = service;
    }

    @GetMapping("/api/llm-usage")
    @Operation(summary = "Tokens and cost of model calls over a window",
            description = "Totals, breakdowns by agent, provider/model and cluster, one row per day, agent and model, "
                    + "and the investigations, patrols and chats that used most. Costs come from the price table "
                    + "(byoc.llm.prices); calls of models without a price have a null cost and count as unpriced.")
    LlmUsageReport usage(
            @Parameter(description = "Start: ISO-8601 date or UTC date-time (default: 30 days before to)")
            @RequestParam(required = false) String from,
            @Parameter(description = "End, exclusive; a date includes that day (default: now)")
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String agent,
            @Parameter(description = "Model name as the provider reported it")
            @RequestParam(required = false) String model,
            @RequestParam(name = "cluster_id", required = false) String clusterId) {
        return service.report(from, to, agent, model, clusterId);
    }

    @GetMapping("/api/llm/status")
    @Operation(summary = "Whether an LLM provider is configured",
            description = "Without one the agents run their deterministic rules and say so; reason tells what is missing.")
    LlmStatus status() {
        return service.status();
    }

    @PostMapping("/api/llm/check")
    @Operation(summary = "Make one short call to the configured model (admins)",
            description = "Answers ok or the provider's error; the call is recorded as agent connection_check.")
    ConnectionCheck check() {
        return service.check();
    }
}
