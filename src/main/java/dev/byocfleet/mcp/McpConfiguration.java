package dev.byocfleet.mcp;

import dev.byocfleet.alerts.AlertService;
import dev.byocfleet.fleet.FleetService;
import dev.byocfleet.health.HealthService;
import dev.byocfleet.issues.IssueService;
import dev.byocfleet.knowledge.KnowledgeService;
import dev.byocfleet.metrics.ClusterMetricsService;
import dev.byocfleet.risk.RiskService;
import dev.byocfleet.sqlguard.ReadOnlySqlService;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tools and resources of the MCP server at {@code /mcp} (Spring AI's Streamable HTTP transport).
 * Every tool is read-only and a thin adapter over a feature service, so MCP and REST share the same
 * checks.
 */
@Configuration(proxyBeanMethods = false)
class McpConfiguration {

    @Bean
    List<SyncToolSpecification> byocFleetMcpTools(ToolSupport support, KnowledgeService knowledge,
                                                  ReadOnlySqlService sql, FleetService fleet,
                                                  ClusterMetricsService metrics, HealthService health,
                                                  RiskService risk, AlertService alerts, IssueService issues) {
        List<SyncToolSpecification> tools = new ArrayList<>();
        tools.addAll(FleetTools.tools(support, fleet, metrics));
        tools.addAll(ClusterTools.tools(support, health, risk, alerts));
        tools.addAll(KnowledgeTools.tools(support, knowledge));
        tools.addAll(SqlTools.tools(support, sql));
        tools.addAll(IssueTools.tools(support, issues));
        return tools;
    }

    @Bean
    List<SyncResourceSpecification> byocFleetMcpResources(ToolSupport support, ReadOnlySqlService sql) {
        return SchemaResources.resources(support, sql);
    }

    @Bean
    List<SyncResourceTemplateSpecification> byocFleetMcpResourceTemplates(ToolSupport support, ReadOnlySqlService sql) {
        return SchemaResources.templates(support, sql);
    }
}
