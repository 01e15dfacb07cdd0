package dev.byocfleet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertJournalTest {

    @TempDir
    Path dir;

    private static AlertJournal.Batch batch(String run, String... ids) {
        return new AlertJournal.Batch(run, Stream.of(ids).map(id -> TestAlerts.parsed(id, "c-1")).toList());
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".journal")).sorted().toList();
        }
    }

    @Test
    void recordsReadBackAfterARestartAreTheBatchesAsWrittenInOrder() {
        NormalizedAlert unparsed = TestAlerts.unparsed("u");
        try (AlertJournal journal = AlertJournal.open(dir).orElseThrow()) {
            journal.append(List.of(batch("run-1", "a", "b")));
            journal.append(List.of(batch("run-2", "c"), new AlertJournal.Batch("run-3", List.of(unparsed))));
        }
        try (AlertJournal restarted = AlertJournal.open(dir).orElseThrow()) {
            List<AlertJournal.Recovered> found = restarted.recover();
            assertThat(found).extracting(r -> r.batch().ingestRunId()).containsExactly("run-1", "run-2", "run-3");
            assertThat(found.getFirst().batch()).isEqualTo(batch("run-1", "a", "b"));
            assertThat(found.get(2).batch().alerts()).containsExactly(unparsed);
            assertThat(restarted.unloadedRecords()).isEqualTo(3);
        }
    }

    @Test
    void withAnFsyncIntervalAnAppendIsInTheFileAtOnceAndForcedByTheTimer() throws Exception {
        try (AlertJournal journal = AlertJournal.open(dir, Duration.ofMillis(20)).orElseThrow()) {
            journal.append(List.of(batch("run-1", "a", "b")));
            // what a process killed now leaves behind: the record, as any other process reads the file
            ByteBuffer header = ByteBuffer.allocate(4);
            try (FileChannel ch = FileChannel.open(segmentFiles().getLast(), StandardOpenOption.READ)) {
                ch.read(header, 0);
            }
            assertThat(header.flip().getInt()).isEqualTo((int) journal.position() - 8);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (journal.unforced() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(journal.unforced()).as("forced by the timer").isFalse();
            journal.append(List.of(batch("run-2", "c")));
        }
        // the timer's thread ends right after its pool terminates in close()
        long gone = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (timerThreadAlive() && System.nanoTime() < gone) {
            Thread.sleep(5);
        }
        assertThat(timerThreadAlive()).isFalse();
        try (AlertJournal restarted = AlertJournal.open(dir).orElseThrow()) {
            assertThat(restarted.recover()).extracting(r -> r.batch().ingestRunId()).containsExactly("run-1", "run-2");
        }
    }

    private static boolean timerThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("alert-journal-fsync"));
    }

    @Test
    void withoutAnIntervalEveryAppendIsForcedBeforeItReturns() {
        try (AlertJournal journal = AlertJournal.open(dir).orElseThrow()) {
            journal.append(List.of(batch("run-1", "a")));
            assertThat(journal.unforced()).isFalse();
        }
    }

    /** Writes two records, damages the segment, and returns the run ids a restart reads back. */
    private List<String> afterDamage(Damage damage) throws IOException {
        long end;
        try (AlertJournal journal = AlertJournal.open(dir).orElseThrow()) {
            journal.append(List.of(batch("run-1", "a")));
            journal.append(List.of(batch("run-2", "b")));
            end = journal.position();
        }
        Path segment = segmentFiles().getLast();
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            damage.apply(ch, end);
        }
        try (AlertJournal restarted = AlertJournal.open(dir).orElseThrow()) {
            return restarted.recover().stream().map(r -> r.batch().ingestRunId()).toList();
        }
    }

    private interface Damage {
        void apply(FileChannel segment, long endOfRecords) throws IOException;
    }

    @Test
    void aTornLastRecordWasNeverAcknowledgedAndIsSkipped() throws IOException {
        // a process killed mid-append leaves the record's last bytes as the segment was made: zeros
        assertThat(afterDamage((ch, end) -> ch.write(ByteBuffer.allocate(7), end - 7))).containsExactly("run-1");
        // and a file cut short (another file system, a copy) reads the same
        assertThat(afterDamage((ch, end) -> ch.truncate(end - 7))).containsExactly("run-1", "run-1");
    }

    @Test
    void aRecordWhoseChecksumDoesNotMatchEndsTheSegment() throws IOException {
        assertThat(afterDamage((ch, end) -> ch.write(ByteBuffer.wrap(new byte[] {'X'}), end - 3))).containsExactly("run-1");
    }

    @Test
    void theZerosASegmentIsMadeWithEndItWithoutAWarningAndAreOverwrittenByTheNextStart() throws IOException {
        try (AlertJournal journal = AlertJournal.open(dir).orElseThrow()) {
            journal.append(List.of(batch("run-1", "a")));
            assertThat(Files.size(segmentFiles().getFirst())).isGreaterThanOrEqualTo(AlertJournal.SEGMENT_BYTES);
        }
        try (AlertJournal restarted = AlertJournal.open(dir).orElseThrow()) {
            List<AlertJournal.Recovered> found = restarted.recover();
            assertThat(found).hasSize(1);
            long next = restarted.append(List.of(batch("run-2", "b")));
            assertThat(next).isGreaterThan(found.getFirst().segment());
            restarted.loaded(found.getFirst().segment(), 1);
        }
        try (AlertJournal again = AlertJournal.open(dir).orElseThrow()) {
            assertThat(again.recover()).extracting(r -> r.batch().ingestRunId()).containsExactly("run-2");
        }
    }

    @Test
    void aSegmentIsDeletedOnceItIsNoLongerWrittenAndEveryRecordIsLoaded() throws IOException {
        try (AlertJournal journal = AlertJournal.open(dir).orElseThrow()) {
            long first = journal.append(List.of(batch("run-1", "a"), batch("run-2", "b")));
            journal.loaded(first, 2);
            assertThat(segmentFiles()).as("still the segment being written").hasSize(1);
            // a restart moves appends to a new segment; the old one goes once loaded
        }
        assertThat(segmentFiles()).as("closed with nothing left to load").isEmpty();

        try (AlertJournal journal = AlertJournal.open(dir).orElseThrow()) {
            long segment = journal.append(List.of(batch("run-3", "c"), batch("run-4", "d")));
            journal.loaded(segment, 1);
        }
        assertThat(segmentFiles()).as("one record not loaded: kept").hasSize(1);
        try (AlertJournal restarted = AlertJournal.open(dir).orElseThrow()) {
            List<AlertJournal.Recovered> found = restarted.recover();
            assertThat(found).hasSize(2);
            restarted.loaded(found.getFirst().segment(), 2);
            assertThat(segmentFiles()).isEmpty();
        }
    }

    @Test
    void aFullSegmentIsClosedAndTheNextAppendStartsANewOne() throws IOException {
        String big = "x".repeat(64 * 1024);
        try (AlertJournal journal = AlertJournal.open(dir).orElseThrow()) {
            NormalizedAlert a = TestAlerts.parsed("a", "c-1");
            NormalizedAlert large = new NormalizedAlert(a.source(), "big", a.sourceMessageId(), a.alertId(), a.status(),
                    a.severity(), a.alertName(), a.clusterId(), a.clusterRef(), a.node(), a.summary(), a.description(),
                    a.labels(), a.annotations(), a.startsAt(), a.endsAt(), a.fingerprint(), a.generatorUrl(),
                    a.receivedAt(), a.parseStatus(), a.parseError(), big);
            long first = journal.append(List.of(new AlertJournal.Batch("run", List.of(large))));
            int inFirst = 1;
            long last;
            while ((last = journal.append(List.of(new AlertJournal.Batch("run", List.of(large))))) == first) {
                inFirst++;
            }
            assertThat(segmentFiles()).hasSize(2);
            assertThat(Files.size(segmentFiles().getFirst())).isGreaterThanOrEqualTo(AlertJournal.SEGMENT_BYTES);
            journal.loaded(first, inFirst - 1);
            assertThat(segmentFiles()).as("one record of the full segment not loaded").hasSize(2);
            journal.loaded(first, 1);
            assertThat(segmentFiles()).as("the full segment, loaded, is deleted").hasSize(1);
            journal.loaded(last, 1);
            assertThat(segmentFiles()).as("the segment being written stays").hasSize(1);
        }
    }

    @Test
    void aSecondStoreOnTheSameFolderGetsNoJournal() {
        try (AlertJournal first = AlertJournal.open(dir).orElseThrow()) {
            assertThat(AlertJournal.open(dir)).isEmpty();
        }
        try (AlertJournal again = AlertJournal.open(dir).orElseThrow()) {
            assertThat(again.dir()).isEqualTo(dir);
        }
    }

    @Test
    void aRejectedBatchIsKeptAsAJsonLineWithItsReason() throws IOException {
        try (AlertJournal journal = AlertJournal.open(dir).orElseThrow()) {
            journal.reject(batch("run-9", "a"), "NOT NULL constraint failed: status");
            journal.reject(batch("run-9", "b"), "again");
        }
        List<String> lines = Files.readAllLines(dir.resolve("rejected.jsonl"));
        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst()).contains("NOT NULL constraint failed: status").contains("\"run-9\"").contains("fp-a");
    }
}
