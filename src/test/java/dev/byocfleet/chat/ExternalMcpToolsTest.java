package dev.byocfleet.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.outbound.OutboundPolicy;
import dev.byocfleet.outbound.OutboundProperties;
import dev.byocfleet.outbound.RefusedUrlException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The outbound-URL check of the MCP client: once per request, the first included, and nothing
 * reaches a server the policy refuses.
 */
class ExternalMcpToolsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /**
     * The real policy (127.0.0.1 allowed, where the test server runs), recording what it was asked
     * and how many requests the server had received at that moment.
     */
    private static final class RecordingPolicy extends OutboundPolicy {
        final List<URI> checked = new CopyOnWriteArrayList<>();
        final List<Integer> receivedBefore = new CopyOnWriteArrayList<>();
        private final boolean refuse;
        private final List<String> received;

        RecordingPolicy(boolean refuse, List<String> received) {
            super(new OutboundProperties(List.of("127.0.0.1")));
            this.refuse = refuse;
            this.received = received;
        }

        @Override
        public URI checkBeforeConnect(URI uri) {
            receivedBefore.add(received.size());
            checked.add(uri);
            if (refuse) {
                throw new RefusedUrlException("the host '127.0.0.1' resolves to 127.0.0.1, a loopback address");
            }
            return super.checkBeforeConnect(uri);
        }
    }

    @Test
    void everyRequestIsCheckedExactlyOnceTheFirstIncluded() throws Exception {
        try (SmallMcpServer server = new SmallMcpServer()) {
            RecordingPolicy policy = new RecordingPolicy(false, server.requests);
            String url = server.url() + "?token=q-s3cret";
            try (ExternalMcpTools tools = ExternalMcpTools.connect(
                    List.of(new ExternalMcpTools.Target("small", url, Map.of(), false)), Map.of(), TIMEOUT, policy)) {
                assertThat(tools.unreachable()).isEmpty();
                assertThat(tools.tools()).extracting(t -> t.name()).contains("small__lookup");
                tools.tools().stream().filter(t -> t.name().equals("small__lookup")).findFirst().orElseThrow()
                        .handler().apply(Map.of("name", "x"));
            }
            List<String> received = List.copyOf(server.requests);
            assertThat(received).isNotEmpty().allSatisfy(r -> assertThat(r).endsWith(" token=q-s3cret"));
            // each request is checked before it is sent (close() may have sent a last DELETE still on its way)
            assertThat(policy.checked).hasSizeGreaterThanOrEqualTo(received.size())
                    .allSatisfy(u -> assertThat(u.toString()).isEqualTo(url));
            // initialize is answered before anything else is sent, so exactly one check (its own) comes before
            // the first request arrives: a second check up front would be the redundant one
            assertThat(policy.receivedBefore).as("requests received at each check").startsWith(0, 1)
                    .filteredOn(n -> n == 0).hasSize(1);
        }
    }

    @Test
    void aRefusedServerReceivesNothingAndTheReasonIsReported() throws Exception {
        try (SmallMcpServer server = new SmallMcpServer()) {
            RecordingPolicy policy = new RecordingPolicy(true, server.requests);
            try (ExternalMcpTools tools = ExternalMcpTools.connect(
                    List.of(new ExternalMcpTools.Target("small", server.url() + "?token=q-s3cret", Map.of(), false)),
                    Map.of("broken", "its url cannot be used: it was changed"), TIMEOUT, policy)) {
                assertThat(tools.tools()).isEmpty();
                assertThat(tools.unreachable()).extracting(ExternalMcpTools.Unreachable::server)
                        .containsExactlyInAnyOrder("small", "broken");
                assertThat(tools.unreachable()).filteredOn(u -> u.server().equals("small")).singleElement()
                        .extracting(ExternalMcpTools.Unreachable::reason).asString()
                        .startsWith("refused by the outbound-URL policy: ").doesNotContain("q-s3cret");
            }
            assertThat(policy.checked).isNotEmpty();
            assertThat(server.requests).isEmpty();
        }
    }

    @Test
    void aStoredUrlThatIsNotHttpIsRefusedBeforeAnyRequest() {
        RecordingPolicy policy = new RecordingPolicy(false, List.of());
        try (ExternalMcpTools tools = ExternalMcpTools.connect(
                List.of(new ExternalMcpTools.Target("odd", "file:///etc/passwd", Map.of(), false)), Map.of(), TIMEOUT,
                policy)) {
            assertThat(tools.unreachable()).singleElement().extracting(ExternalMcpTools.Unreachable::reason).asString()
                    .isNotBlank();
            assertThat(tools.tools()).isEmpty();
        }
    }
}
