package dev.byocfleet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DigestsTest {

    @Test
    void givesTheStandardSha256AndStartsEachCallAfresh() {
        assertThat(Digests.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Digests.sha256Hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Digests.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(HexFormat.of().formatHex(Digests.sha256("ünïcode|x".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(Digests.sha256Hex("ünïcode|x"));
    }

    @Test
    void threadsHashingAtOnceEachGetTheirOwnTextsDigest() throws Exception {
        List<String> texts = IntStream.range(0, 400).mapToObj(i -> "alertmanager|fp-" + i + "|firing|2026-11-29T04:30:02Z").toList();
        ConcurrentHashMap<String, String> got = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = IntStream.range(0, 4).mapToObj(t -> Thread.ofPlatform().start(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                return;
            }
            for (int round = 0; round < 5; round++) {
                for (String text : texts) {
                    String d = Digests.sha256Hex(text);
                    String was = got.putIfAbsent(text, d);
                    if (was != null && !was.equals(d)) {
                        got.put(text, "MISMATCH");
                    }
                }
            }
        })).toList();
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        MessageDigest reference = MessageDigest.getInstance("SHA-256");
        for (String text : texts) {
            assertThat(got.get(text)).isEqualTo(HexFormat.of().formatHex(reference.digest(text.getBytes(StandardCharsets.UTF_8))));
        }
    }
}
