package dev.byocfleet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The hand-written journal record is byte for byte what Jackson writes, and reads back as the same batch. */
class JournalRecordsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Controls, escapes, DEL, two- and three-byte UTF-8, a surrogate pair (emoji), a BOM and U+2028. */
    private static final String ODD = "\u0000\u0001\u001f\b\t\n\f\r\"\\/ azAZ09\u007f\u0080é\u07ff\u0800中\ufeff\u2028\uffff😀𝄞";

    private static String text(Random r, int max) {
        StringBuilder s = new StringBuilder();
        for (int i = r.nextInt(max + 1); i > 0; i--) {
            int at = r.nextInt(ODD.length());
            char c = ODD.charAt(at);
            if (Character.isSurrogate(c)) {
                int start = Character.isHighSurrogate(c) ? at : at - 1;
                s.append(ODD, start, start + 2);
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    private static String maybe(Random r, String s) {
        return r.nextInt(5) == 0 ? null : s;
    }

    private static LocalDateTime time(Random r) {
        int[] nanos = {0, 1, 10, 120_000_000, 819_723_422, 999_999_999, 5_000, 100_000_000};
        return LocalDateTime.of(r.nextInt(10_000), 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(24), r.nextInt(60),
                r.nextInt(60), r.nextBoolean() ? nanos[r.nextInt(nanos.length)] : r.nextInt(1_000_000_000));
    }

    private static NormalizedAlert alert(Random r) {
        Map<String, String> labels = new HashMap<>();
        for (int i = r.nextInt(6); i > 0; i--) {
            labels.put(text(r, 8), text(r, 20));
        }
        Map<String, String> annotations = new HashMap<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            annotations.put(text(r, 5), text(r, 60));
        }
        return new NormalizedAlert(text(r, 10), text(r, 64), maybe(r, text(r, 30)), maybe(r, text(r, 5)),
                maybe(r, "firing"), "warning", maybe(r, text(r, 12)), maybe(r, "c-1"), maybe(r, text(r, 10)),
                maybe(r, text(r, 10)), maybe(r, text(r, 40)), maybe(r, text(r, 80)), labels, annotations,
                r.nextInt(4) == 0 ? null : time(r), r.nextInt(2) == 0 ? null : time(r), maybe(r, text(r, 16)),
                maybe(r, text(r, 20)), time(r), r.nextBoolean() ? "parsed" : "unparsed", maybe(r, text(r, 20)),
                maybe(r, text(r, 200)));
    }

    /** One batch's record body as the journal frames it (the bytes after its header). */
    private static byte[] write(AlertJournal.Batch batch, java.util.function.Function<AlertJournal.Batch, byte[]> fallback) {
        JournalRecords.Framed framed = new JournalRecords.Framed();
        framed.clear();
        framed.add(batch, fallback);
        return records(framed.buffer()).getFirst();
    }

    private static byte[] jackson(AlertJournal.Batch b) {
        return JSON.writeValueAsBytes(b);
    }

    @Test
    void oddLabelsUnicodeEscapesAndTimesAreWrittenAsJacksonWritesThemAndReadBackEqual() {
        Random r = new Random(42);
        for (int n = 0; n < 400; n++) {
            List<NormalizedAlert> alerts = new ArrayList<>();
            for (int i = r.nextInt(12); i > 0; i--) {
                alerts.add(alert(r));
            }
            AlertJournal.Batch batch = new AlertJournal.Batch(r.nextInt(8) == 0 ? null : text(r, 30), alerts);
            byte[] ours = write(batch, b -> {
                throw new AssertionError("no fallback expected");
            });
            assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(new String(jackson(batch), StandardCharsets.UTF_8));
            assertThat(ours).isEqualTo(jackson(batch));
            assertThat(JSON.readValue(ours, AlertJournal.Batch.class)).isEqualTo(batch);
        }
    }

    @Test
    void theUsualWebhookAlertAndAnUnparsedOneAreJacksonsBytes() {
        AlertJournal.Batch batch = new AlertJournal.Batch("webhook-alertmanager-2026112904-ab12",
                List.of(TestAlerts.parsed("m-1", "c-1"), TestAlerts.parsed("m-2", null), TestAlerts.unparsed("m-3")));
        byte[] ours = write(batch, b -> {
            throw new AssertionError("no fallback expected");
        });
        assertThat(ours).isEqualTo(jackson(batch));
        assertThat(JSON.readValue(ours, AlertJournal.Batch.class)).isEqualTo(batch);
    }

    @Test
    void aLoneSurrogateHalfOrAYearPast9999GoesToTheFallback() {
        AtomicInteger fallbacks = new AtomicInteger();
        NormalizedAlert base = TestAlerts.parsed("m-1", "c-1");
        for (String odd : List.of("a\ud800b", "end\ud83d", "\ude00start")) {
            NormalizedAlert a = new NormalizedAlert(base.source(), base.messageId(), base.sourceMessageId(), base.alertId(),
                    base.status(), base.severity(), base.alertName(), base.clusterId(), base.clusterRef(), base.node(),
                    odd, base.description(), base.labels(), base.annotations(), base.startsAt(), base.endsAt(),
                    base.fingerprint(), base.generatorUrl(), base.receivedAt(), base.parseStatus(), base.parseError(),
                    base.rawPayload());
            byte[] got = write(new AlertJournal.Batch("r", List.of(a)), b -> {
                fallbacks.incrementAndGet();
                return new byte[] {1};
            });
            assertThat(got).containsExactly(1);
        }
        NormalizedAlert far = new NormalizedAlert(base.source(), base.messageId(), null, null, "firing", "info", null, null,
                null, null, null, null, Map.of(), Map.of(), LocalDateTime.of(10_000, 1, 1, 0, 0), null, null, null,
                LocalDateTime.of(2026, 1, 1, 0, 0), "parsed", null, "{}");
        AlertJournal.Batch farBatch = new AlertJournal.Batch("r", List.of(far));
        assertThat(write(farBatch, JournalRecordsTest::jackson)).isEqualTo(jackson(farBatch));
        assertThat(fallbacks).hasValue(3);
    }

    @Test
    void framedRecordsAreEachBodyAfterItsLengthAndCrcAndAClearedBufferHoldsOnlyTheNextAppend() {
        NormalizedAlert base = TestAlerts.parsed("m-1", "c-1");
        NormalizedAlert lone = new NormalizedAlert(base.source(), "m-2", null, null, "firing", "info", null, null, null,
                null, "half \ud800 a pair", null, Map.of(), Map.of(), base.startsAt(), null, null, null, base.receivedAt(),
                "parsed", null, "{}");
        Random r = new Random(7);
        List<AlertJournal.Batch> first = List.of(new AlertJournal.Batch("run-1", List.of(base, alert(r))),
                new AlertJournal.Batch("run-2", List.of(lone)), new AlertJournal.Batch("run-3", List.of(alert(r))));
        JournalRecords.Framed framed = new JournalRecords.Framed();
        framed.clear();
        first.forEach(b -> framed.add(b, JournalRecordsTest::jackson));
        assertThat(records(framed.buffer())).containsExactlyElementsOf(first.stream().map(JournalRecordsTest::jackson).toList());

        List<AlertJournal.Batch> second = List.of(new AlertJournal.Batch("run-4", List.of(alert(r))));
        framed.clear();
        second.forEach(b -> framed.add(b, JournalRecordsTest::jackson));
        assertThat(records(framed.buffer())).containsExactlyElementsOf(second.stream().map(JournalRecordsTest::jackson).toList());
    }

    /** Splits framed records as the journal's reader does, checking each CRC. */
    private static List<byte[]> records(java.nio.ByteBuffer buffer) {
        List<byte[]> out = new ArrayList<>();
        while (buffer.hasRemaining()) {
            int length = buffer.getInt();
            int crc = buffer.getInt();
            byte[] body = new byte[length];
            buffer.get(body);
            java.util.zip.CRC32C check = new java.util.zip.CRC32C();
            check.update(body);
            assertThat((int) check.getValue()).isEqualTo(crc);
            out.add(body);
        }
        return out;
    }
}
