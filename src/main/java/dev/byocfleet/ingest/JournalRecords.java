package dev.byocfleet.ingest;

import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.CRC32C;

/**
 * Writes a journal record's JSON by hand: the bytes Jackson writes for an {@link AlertJournal.Batch}
 * (fields in declaration order, nulls written, times as ISO local date-times with the fraction's
 * trailing zeros dropped, Jackson's string escapes, UTF-8), so the journal reads back as before and
 * a record reads the same whichever wrote it. Jackson's bean machinery took half of the writer
 * thread's time, and the writer is what every request waits for. A text with a lone surrogate half
 * (which has no UTF-8 form) sends the batch to Jackson, as do years outside 0-9999.
 */
final class JournalRecords {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private JournalRecords() {
    }

    private static void body(Out out, AlertJournal.Batch batch) {
        out.raw("{\"ingestRunId\":").string(batch.ingestRunId()).raw(",\"alerts\":");
        List<NormalizedAlert> alerts = batch.alerts();
        if (alerts == null) {
            out.raw("null");
        } else {
            out.raw("[");
            for (int i = 0; i < alerts.size(); i++) {
                if (i > 0) {
                    out.raw(",");
                }
                alert(out, alerts.get(i));
            }
            out.raw("]");
        }
        out.raw("}");
    }

    /**
     * The records of one journal append, one after another in one buffer that the next append
     * reuses: each an 8-byte header (the body's length and its CRC-32C, big-endian) and the body, the
     * record's JSON (or what the fallback writes for a value outside what is written here). A new
     * buffer per record (grown once or twice, then copied) was most of what the writer thread
     * allocated. Not for several threads at once.
     */
    static final class Framed {
        /** A buffer grown past this by one large append is not kept for the next. */
        private static final int KEPT_CAPACITY = 16 << 20;
        private static final int START_CAPACITY = 1 << 20;
        private Out out = new Out(START_CAPACITY);
        private final CRC32C crc = new CRC32C();

        /** Forgets the records of the last append. */
        void clear() {
            if (out.buf.length > KEPT_CAPACITY) {
                out = new Out(START_CAPACITY);
            }
            out.len = 0;
        }

        /** Adds a record, written here or, for a value outside what is written here, by {@code fallback}. */
        void add(AlertJournal.Batch batch, Function<AlertJournal.Batch, byte[]> fallback) {
            int start = out.len;
            out.room(HEADER);
            out.len += HEADER;
            try {
                body(out, batch);
            } catch (Unwritable e) {
                out.len = start + HEADER;
                byte[] b = fallback.apply(batch);
                out.room(b.length);
                System.arraycopy(b, 0, out.buf, out.len, b.length);
                out.len += b.length;
            }
            int length = out.len - start - HEADER;
            crc.reset();
            crc.update(out.buf, start + HEADER, length);
            ByteBuffer.wrap(out.buf, start, HEADER).putInt(length).putInt((int) crc.getValue());
        }

        /** The records added since {@link #clear()}, ready to be written. */
        ByteBuffer buffer() {
            return ByteBuffer.wrap(out.buf, 0, out.len);
        }
    }

    /** Bytes before each record's body: its length and CRC-32C. */
    static final int HEADER = 8;

    private static void alert(Out o, NormalizedAlert a) {
        if (a == null) {
            o.raw("null");
            return;
        }
        o.raw("{\"source\":").string(a.source())
                .raw(",\"messageId\":").string(a.messageId())
                .raw(",\"sourceMessageId\":").string(a.sourceMessageId())
                .raw(",\"alertId\":").string(a.alertId())
                .raw(",\"status\":").string(a.status())
                .raw(",\"severity\":").string(a.severity())
                .raw(",\"alertName\":").string(a.alertName())
                .raw(",\"clusterId\":").string(a.clusterId())
                .raw(",\"clusterRef\":").string(a.clusterRef())
                .raw(",\"node\":").string(a.node())
                .raw(",\"summary\":").string(a.summary())
                .raw(",\"description\":").string(a.description())
                .raw(",\"labels\":").map(a.labels())
                .raw(",\"annotations\":").map(a.annotations())
                .raw(",\"startsAt\":").time(a.startsAt())
                .raw(",\"endsAt\":").time(a.endsAt())
                .raw(",\"fingerprint\":").string(a.fingerprint())
                .raw(",\"generatorUrl\":").string(a.generatorUrl())
                .raw(",\"receivedAt\":").time(a.receivedAt())
                .raw(",\"parseStatus\":").string(a.parseStatus())
                .raw(",\"parseError\":").string(a.parseError())
                .raw(",\"rawPayload\":").string(a.rawPayload())
                .raw("}");
    }

    /** A value this writer leaves to Jackson. */
    private static final class Unwritable extends RuntimeException {
        Unwritable() {
            super(null, null, false, false);
        }
    }

    /** A growing UTF-8 byte buffer. */
    private static final class Out {
        private byte[] buf;
        private int len;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        private void room(int n) {
            if (len + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
            }
        }

        private void put(int b) {
            buf[len++] = (byte) b;
        }

        /** ASCII text as it is. */
        Out raw(String ascii) {
            room(ascii.length());
            for (int i = 0; i < ascii.length(); i++) {
                put(ascii.charAt(i));
            }
            return this;
        }

        Out map(Map<String, String> m) {
            if (m == null) {
                return raw("null");
            }
            raw("{");
            boolean first = true;
            for (Map.Entry<String, String> e : m.entrySet()) {
                if (!first) {
                    raw(",");
                }
                first = false;
                string(e.getKey()).raw(":").string(e.getValue());
            }
            return raw("}");
        }

        /** {@link DateTimeFormatter#ISO_LOCAL_DATE_TIME}: seconds always, fraction without trailing zeros. */
        Out time(LocalDateTime t) {
            if (t == null) {
                return raw("null");
            }
            if (t.getYear() < 0 || t.getYear() > 9999) {
                throw new Unwritable();
            }
            room(32);
            put('"');
            digits(t.getYear(), 4);
            put('-');
            digits(t.getMonthValue(), 2);
            put('-');
            digits(t.getDayOfMonth(), 2);
            put('T');
            digits(t.getHour(), 2);
            put(':');
            digits(t.getMinute(), 2);
            put(':');
            digits(t.getSecond(), 2);
            int nanos = t.getNano();
            if (nanos != 0) {
                int width = 9;
                while (nanos % 10 == 0) {
                    nanos /= 10;
                    width--;
                }
                put('.');
                digits(nanos, width);
            }
            put('"');
            return this;
        }

        private void digits(int value, int width) {
            int v = value;
            for (int i = len + width - 1; i >= len; i--) {
                buf[i] = (byte) ('0' + v % 10);
                v /= 10;
            }
            len += width;
        }

        /** A JSON string with Jackson's escapes: {@code \" \\ \b \t \n \f \r}, other controls as {@code \\u00XX}. */
        Out string(String s) {
            if (s == null) {
                return raw("null");
            }
            int n = s.length();
            room(n + 2);
            put('"');
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                    if (len == buf.length) {
                        room(n - i + 1);
                    }
                    put(c);
                } else {
                    i = special(s, i, c);
                }
            }
            room(1);
            put('"');
            return this;
        }

        /** Writes the character at {@code i} that needs more than one byte; answers the last index it used. */
        private int special(String s, int i, char c) {
            room(12);
            if (c < 0x80) {
                put('\\');
                switch (c) {
                    case '"' -> put('"');
                    case '\\' -> put('\\');
                    case '\b' -> put('b');
                    case '\t' -> put('t');
                    case '\n' -> put('n');
                    case '\f' -> put('f');
                    case '\r' -> put('r');
                    default -> {
                        put('u');
                        put('0');
                        put('0');
                        put(HEX[c >> 4]);
                        put(HEX[c & 0xF]);
                    }
                }
                return i;
            }
            if (c < 0x800) {
                put(0xC0 | (c >> 6));
                put(0x80 | (c & 0x3F));
                return i;
            }
            if (!Character.isSurrogate(c)) {
                put(0xE0 | (c >> 12));
                put(0x80 | ((c >> 6) & 0x3F));
                put(0x80 | (c & 0x3F));
                return i;
            }
            if (!Character.isHighSurrogate(c) || i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                throw new Unwritable();
            }
            int cp = Character.toCodePoint(c, s.charAt(i + 1));
            put(0xF0 | (cp >> 18));
            put(0x80 | ((cp >> 12) & 0x3F));
            put(0x80 | ((cp >> 6) & 0x3F));
            put(0x80 | (cp & 0x3F));
            return i + 1;
        }
    }
}
