package dev.byocfleet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Payload files under {@code src/test/resources/ingest/}. */
public final class Payloads {

    private Payloads() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Payloads.class.getResourceAsStream("/ingest/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource ingest/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The parse of a body file holds one alert per element of its {@code alerts}, in order, with the
     * element's status and fingerprint.
     */
    public static void assertOneAlertPerElement(ParsedAlerts parsed, String file) {
        String text = text(file);
        assertThat(parsed.alerts()).hasSize(JsonPath.<List<Object>>read(text, "$.alerts").size());
        for (int i = 0; i < parsed.alerts().size(); i++) {
            NormalizedAlert a = parsed.alerts().get(i);
            assertThat(a.status()).isEqualTo(JsonPath.read(text, "$.alerts[" + i + "].status"));
            assertThat(a.fingerprint()).isEqualTo(JsonPath.read(text, "$.alerts[" + i + "].fingerprint"));
            assertThat(a.severity()).isIn("critical", "warning", "info");
            assertThat(a.messageId()).matches("[0-9a-f]{64}");
            assertThat(a.rawPayload()).startsWith("{").endsWith("}");
        }
    }

    /** Names ({@code folder/file}) of the JSON bodies in one folder, sorted. */
    public static List<String> jsonBodies(String folder) {
        try {
            Path dir = Path.of(Payloads.class.getResource("/ingest/" + folder).toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".json") || n.endsWith(".raw.txt"))
                        .filter(n -> !n.equals("captured-request-headers.json"))
                        .sorted().map(n -> folder + "/" + n).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
