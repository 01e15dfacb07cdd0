package dev.byocfleet.ingest;

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
