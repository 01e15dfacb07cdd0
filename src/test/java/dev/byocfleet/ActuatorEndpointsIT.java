package dev.byocfleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.support.AppTestBase;
import org.junit.jupiter.api.Test;

/** The operational endpoints that DESIGN.md section 11 promises to operators and scrapers. */
class ActuatorEndpointsIT extends AppTestBase {

    @Test
    void healthAnswersUp() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void prometheusAnswersWithJvmMetrics() {
        String body = client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat(body).contains("jvm_memory_used_bytes");
    }
}
