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

    /** The index is built in the background after start-up; tests that search wait for it first. */
    public static void awaitIndex(KnowledgeService knowledge) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
        while (!knowledge.search(null, null, null, null, 1).indexSynced()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the knowledge index did not finish its start-up sync");
            }
            Thread.sleep(200);
        }
    }

    @Bean
    @Primary
    KnowledgeWriteAccess permissiveKnowledgeWriteAccess() {
        return () -> ACTOR;
    }
}
