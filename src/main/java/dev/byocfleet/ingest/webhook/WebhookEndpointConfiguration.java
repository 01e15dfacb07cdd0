package dev.byocfleet.ingest.webhook;

import dev.byocfleet.store.StoreAvailability;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.tags.Tag;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts {@link WebhookEndpoint} first in the filter chain, for requests under /api/webhooks/ only, and
 * describes its route in the OpenAPI document (no controller exists for the document to find).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebhookEndpointConfiguration {

    static final String ROUTE = WebhookEndpoint.PREFIX + "{source}";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

    @Bean
    FilterRegistrationBean<WebhookEndpoint> webhookEndpoint(WebhookIntake intake, JsonMapper json,
                                                            ObjectProvider<StoreAvailability> store,
                                                            MeterRegistry meters) {
        FilterRegistrationBean<WebhookEndpoint> registration =
                new FilterRegistrationBean<>(new WebhookEndpoint(intake, json, store::getIfAvailable, meters));
        registration.setName("webhookEndpoint");
        registration.setUrlPatterns(List.of(WebhookEndpoint.PREFIX + "*"));
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    OpenApiCustomizer webhookOpenApi() {
        return openApi -> {
            openApi.addTagsItem(new Tag().name("webhooks").description("Alert intake from Prometheus Alertmanager and Grafana"));
            if (openApi.getComponents() == null) {
                openApi.components(new Components());
            }
            openApi.getComponents().addSchemas("WebhookReceipt", receipt());
            openApi.path(ROUTE, new PathItem().post(operation()));
        };
    }

    /** {@link WebhookReceipt} as the API writes it. */
    private static Schema<?> receipt() {
        return new ObjectSchema().description("What a webhook request stored")
                .addProperty("received", integer("alerts in the body"))
                .addProperty("inserted", integer("alerts stored now"))
                .addProperty("duplicates", integer("alerts stored before (a redelivery) or repeated within the body"))
                .addProperty("unmapped", integer("inserted alerts that name no known cluster"))
                .addProperty("truncated_alerts", integer("alerts the sender left out of the body (its max_alerts)"));
    }

    private static Operation operation() {
        return new Operation()
                .operationId("receiveWebhook")
                .addTagsItem("webhooks")
                .summary("Receive a webhook notification")
                .description("source is 'alertmanager' (webhook payload version 4) or 'grafana' (unified alerting, "
                        + "version 1). Auth: 'Authorization: Bearer <BYOC_WEBHOOK_TOKEN>' or basic auth "
                        + "(BYOC_WEBHOOK_BASIC_USER/_PASSWORD); Grafana requests must also carry a valid "
                        + "X-Grafana-Alerting-Signature when BYOC_GRAFANA_HMAC_SECRET is set. Answers 200 once the "
                        + "new alerts are durable; a redelivery stores nothing new. One invalid alert rejects the "
                        + "whole body (400 naming the field) and nothing is stored.")
                .security(List.of(new SecurityRequirement()))
                .addParametersItem(new PathParameter().name("source").description("alertmanager or grafana")
                        .schema(new StringSchema()))
                .requestBody(new RequestBody().required(true).description("The notification exactly as the sender "
                                + "posts it: Alertmanager webhook version 4 or Grafana webhook version 1, at most 1 MiB")
                        .content(new Content().addMediaType(JSON, new MediaType().schema(new ObjectSchema()))))
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse().description("Stored (or already stored)")
                                .content(new Content().addMediaType(JSON,
                                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/WebhookReceipt")))))
                        .addApiResponse("400", problem("Malformed JSON or wrong shape; 'parameter' names the field"))
                        .addApiResponse("401", problem("Missing or wrong credentials or signature"))
                        .addApiResponse("404", problem("No such source"))
                        .addApiResponse("413", problem("Body larger than byoc.webhooks.max-body-size (1 MiB)"))
                        .addApiResponse("415", problem("Not application/json"))
                        .addApiResponse("503", problem("Webhooks not configured, or the store is down (retry after "
                                + "Retry-After seconds)")));
    }

    private static Schema<?> integer(String description) {
        return new IntegerSchema().description(description);
    }

    private static ApiResponse problem(String description) {
        Schema<?> body = new ObjectSchema().description("RFC 9457 problem detail")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", integer("the HTTP status"))
                .addProperty("detail", new StringSchema().description("what is wrong, in words"))
                .addProperty("instance", new StringSchema())
                .addProperty("parameter", new StringSchema().description("the offending header or body field, if any"));
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(body)));
    }
}
