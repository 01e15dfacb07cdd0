package dev.byocfleet.knowledge;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Lets tests change the Knowledge Lake, standing in for the operator/admin role check that arrives
 * with authentication. Tests that import it share one application context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PermissiveKnowledgeWriteAccess {

    public static final String ACTOR = "test-operator";

    @Bean
    @Primary
    KnowledgeWriteAccess permissiveKnowledgeWriteAccess() {
        return () -> ACTOR;
    }
}
