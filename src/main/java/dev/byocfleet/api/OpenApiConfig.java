package dev.byocfleet.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at /api/docs/openapi.json (UI at /api/docs). It declares the bearer token,
 * so the UI's Authorize button takes the access_token of POST /api/auth/login.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class OpenApiConfig {

    @Bean
    OpenAPI byocFleetOpenApi(@Value("${spring.application.version:dev}") String version) {
        return new OpenAPI().info(new Info()
                .title("BYOC Fleet API")
                .description("""
                        Monitors a fleet of StarRocks clusters running as CelerData BYOC deployments: \
                        the fleet inventory and billing, alerts and issues, health and risk scores, \
                        capacity forecasts and the agents that investigate them. JSON is snake_case; \
                        times are UTC; errors are RFC 9457 problem details. Every route but sign-in, \
                        refresh, activation and the webhooks needs 'Authorization: Bearer <access_token>' \
                        from POST /api/auth/login.""")
                .version(version))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    static final String BEARER = "bearer";

    /**
     * Schemas are derived by swagger-core with its own (Jackson 2) mapper, which does not see the
     * application's Jackson 3 naming; without this the documented properties would be camelCase.
     */
    @Bean
    ModelResolver snakeCaseModelResolver(ObjectMapperProvider mappers) {
        return new ModelResolver(mappers.jsonMapper().copy()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}
