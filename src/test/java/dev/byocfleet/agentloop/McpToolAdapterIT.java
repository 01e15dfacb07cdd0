package dev.byocfleet.agentloop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.agentloop.AgentTool.ToolOutput;
import dev.byocfleet.support.AppTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The agents get the MCP server's own tools, called in-process over the same services. */
class McpToolAdapterIT extends AppTestBase {

    @Autowired
    McpToolAdapter adapter;

    @Test
    void offersTheMcpServersReadOnlyToolsWithTheirSchemas() {
        assertThat(adapter.tools()).extracting(AgentTool::name)
                .contains("fleet_overview", "fleet_clusters", "cluster_profile", "cluster_metrics", "sql_query",
                        "schema_overview", "table_overview");
        AgentTool sql = adapter.tools("sql_query").getFirst();
        assertThat(sql.description()).contains("read-only SQL");
        assertThat(sql.inputSchema()).containsEntry("type", "object").containsKey("properties");
    }

    @Test
    void callsTheToolsHandlerAndKeepsItsRefusalsAsToolErrors() {
        AgentTool sql = adapter.tools("sql_query").getFirst();

        ToolOutput rows = sql.handler().apply(Map.of("sql", "SELECT 1 AS one"));
        ToolOutput write = sql.handler().apply(Map.of("sql", "DELETE FROM alerts.issues"));
        ToolOutput missing = adapter.tools("cluster_profile").getFirst().handler().apply(Map.of());

        assertThat(rows.error()).isFalse();
        assertThat(rows.text()).contains("\"one\"");
        assertThat(write.error()).isTrue();
        assertThat(missing.error()).isTrue();
        assertThat(missing.text()).contains("cluster_id");
    }
}
