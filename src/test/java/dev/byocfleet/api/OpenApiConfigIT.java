package dev.byocfleet.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.byocfleet.support.AppTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiConfigIT extends AppTestBase {

    @Test
    void openApiDocumentDescribesTheApiAndTheFleetEndpoints() {
        String doc = client.get().uri("/api/docs/openapi.json").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat(JsonPath.<String>read(doc, "$.info.title")).isEqualTo("BYOC Fleet API");
        assertThat(JsonPath.<String>read(doc, "$.info.description")).contains("snake_case");
        assertThat(JsonPath.<Map<String, Object>>read(doc, "$.paths").keySet())
                .contains("/api/fleet/summary", "/api/fleet/clusters", "/api/fleet/clusters/{id}");
        assertThat(JsonPath.<List<String>>read(doc, "$.paths['/api/fleet/clusters'].get.parameters[*].name"))
                .contains("page", "size", "sort", "q", "state", "type", "tier", "version", "region", "org_id");
        assertThat(JsonPath.<List<String>>read(doc, "$.paths['/api/fleet/summary'].get.tags")).containsExactly("fleet");
        assertThat(JsonPath.<Map<String, Object>>read(doc, "$.paths").keySet()).contains("/api/auth/login",
                "/api/auth/invites", "/api/settings/preferences", "/api/settings/channels/{id}/test",
                "/api/looker/embed-url", "/api/features", "/api/webhooks/{source}");
        // the webhook route is served by a filter and described by hand: no bearer token, the receipt in snake_case
        assertThat(JsonPath.<List<Object>>read(doc, "$.paths['/api/webhooks/{source}'].post.security")).hasSize(1);
        assertThat(JsonPath.<String>read(doc,
                "$.paths['/api/webhooks/{source}'].post.responses['200'].content['application/json'].schema.$ref"))
                .isEqualTo("#/components/schemas/WebhookReceipt");
        assertThat(JsonPath.<Map<String, Object>>read(doc, "$.paths['/api/webhooks/{source}'].post.responses").keySet())
                .contains("400", "401", "413", "415", "503");
        assertThat(JsonPath.<String>read(doc, "$.components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
        assertThat(JsonPath.<Map<String, Object>>read(doc, "$.components.schemas.TokenResponse.properties").keySet())
                .containsExactly("access_token", "token_type", "expires_in", "refresh_token", "user");
        assertThat(JsonPath.<List<String>>read(doc, "$.components.schemas.CurrentUser.properties.role.enum"))
                .containsExactly("viewer", "operator", "admin");
        // the schemas speak the JSON the API answers: snake_case, node counts by type in capitals
        assertThat(JsonPath.<Map<String, Object>>read(doc, "$.components.schemas.ClusterListItem.properties").keySet())
                .contains("cluster_id", "org_name", "fe_count", "ccu_7d", "created_at");
        assertThat(JsonPath.<Map<String, Object>>read(doc, "$.components.schemas.NodeCounts.properties").keySet())
                .containsExactlyInAnyOrder("FE", "BE", "CN", "total");
    }

    @Test
    void swaggerUiAnswersAtApiDocs() {
        client.get().uri("/api/docs").exchange().expectStatus().is3xxRedirection();
    }
}
