package dev.byocfleet.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The write-ahead journal of webhook alerts on an embedded (DuckDB) store: a webhook is answered
 * once its new alerts are in this journal and forced to disk, and the store loads them right after,
 * many requests to a transaction. A journal write is one append and one fsync shared by every
 * request of a group, where a store transaction costs milliseconds of CPU however few rows it holds.
 *
 * <p>Files are segments {@code alerts-<n>.journal} in one folder, locked by the process that uses
 * them. A record is {@code [length][CRC-32C][JSON of one batch: its run id and alerts]}. A segment is
 * deleted once it is no longer written to and every record in it is loaded. On start, the records of
 * the segments left behind (a crash, a kill, a stop with a load under way) are read back and loaded
 * before any webhook is taken; a torn last record, written when the process died mid-append, was
 * never acknowledged and is skipped. Loading a record that the store already has adds nothing: the
 * store checks every recovered id.
 *
 * <p>Only an embedded store gets a journal: it lies on the same disk as the store's file. A shared
 * store (StarRocks, several replicas) answers after its own commit, since an alert acknowledged into
 * one replica's local disk would be lost with that replica.
 */
final class AlertJournal implements AutoCloseable {

    /** One acknowledged batch: the run it belongs to and its new alerts. */
    record Batch(String ingestRunId, List<NormalizedAlert> alerts) {}

    /** A recovered batch and the segment it came from. */
    record Recovered(long segment, Batch batch) {}

    private static final Logger log = LoggerFactory.getLogger(AlertJournal.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SEGMENT = Pattern.compile("alerts-(\\d{12})\\.journal");
    private static final int HEADER = JournalRecords.HEADER;
    /** Larger than any webhook body can make (1 MiB bodies); a bigger length is a corrupt header. */
    private static final int MAX_RECORD = 64 << 20;
    /** A segment past this size is closed at the next append. */
    static final long SEGMENT_BYTES = 8L << 20;

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    /** Records not yet loaded, per segment. */
    private final Map<Long, Integer> unloaded = new HashMap<>();
    private FileChannel current;
    /** The records of the append in progress; {@link #append} is synchronized, so one is enough. */
    private final JournalRecords.Framed framed = new JournalRecords.Framed();
    private long currentSegment;
    private long currentSize;
    /** Zero: every append is forced before it returns. Else appends reach the OS and a timer forces them. */
    private final Duration fsyncInterval;
    /** Set by an append that is not forced yet (interval mode). */
    private volatile boolean unforced;
    private final ScheduledExecutorService forcer;

    private AlertJournal(Path dir, FileChannel lockChannel, FileLock lock, Duration fsyncInterval) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.fsyncInterval = fsyncInterval;
        if (fsyncInterval.isPositive()) {
            forcer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("alert-journal-fsync")
                    .daemon().unstarted(r));
            long nanos = fsyncInterval.toNanos();
            forcer.scheduleWithFixedDelay(this::forceWritten, nanos, nanos, TimeUnit.NANOSECONDS);
        } else {
            forcer = null;
        }
    }

    /**
     * Opens (creating) the journal folder and locks it; empty when another store in this or another
     * process holds it (that one loads its records), so the caller answers after its own commits.
     */
    static Optional<AlertJournal> open(Path dir) {
        return open(dir, Duration.ZERO);
    }

    /**
     * As {@link #open(Path)}; with a positive {@code fsyncInterval} an append returns once the
     * operating system has its bytes (they survive the process being killed, not the machine losing
     * power) and a timer forces them to disk at that interval.
     */
    static Optional<AlertJournal> open(Path dir, Duration fsyncInterval) {
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(dir.resolve("journal.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                log.warn("the alert journal in {} is in use by another store; webhooks are answered after the "
                        + "store's commit instead", dir);
                return Optional.empty();
            }
            AlertJournal journal = new AlertJournal(dir, channel, lock, fsyncInterval);
            // appends never go into a segment left by an earlier run, read back or not
            journal.currentSegment = journal.segments().stream().mapToLong(Long::longValue).max().orElse(0);
            return Optional.of(journal);
        } catch (IOException e) {
            throw new UncheckedIOException("the alert journal folder " + dir + " cannot be opened: " + e.getMessage(), e);
        }
    }

    Path dir() {
        return dir;
    }

    /**
     * Reads back every record of the segments found on disk, oldest first, and counts them as not yet
     * loaded; appends go to a new segment ({@link #open} starts numbering after the last one).
     * Reading stops at a segment's first torn or corrupt record (logged with how much was skipped).
     */
    synchronized List<Recovered> recover() {
        List<Recovered> found = new ArrayList<>();
        for (long segment : segments()) {
            int records = 0;
            try (FileChannel in = FileChannel.open(file(segment), StandardOpenOption.READ)) {
                long size = in.size();
                long at = 0;
                boolean clean = false;
                ByteBuffer header = ByteBuffer.allocate(HEADER);
                while (at + HEADER <= size) {
                    header.clear();
                    in.read(header, at);
                    header.flip();
                    int length = header.getInt();
                    int crc = header.getInt();
                    if (length == 0 && crc == 0) {
                        clean = true; // the zeros a segment is created with: nothing was written past here
                        break;
                    }
                    if (length < 0 || length > MAX_RECORD || at + HEADER + length > size) {
                        break;
                    }
                    ByteBuffer body = ByteBuffer.allocate(length);
                    in.read(body, at + HEADER);
                    if (crc(body.array()) != crc) {
                        break;
                    }
                    Batch batch;
                    try {
                        batch = JSON.readValue(body.array(), Batch.class);
                    } catch (JacksonException e) {
                        break;
                    }
                    found.add(new Recovered(segment, batch));
                    records++;
                    at += HEADER + length;
                }
                if (at < size && !clean) {
                    log.warn("alert journal segment {}: {} bytes after record {} are torn or corrupt and were skipped "
                            + "(a record that was never acknowledged)", file(segment).getFileName(), size - at, records);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("alert journal segment " + file(segment) + " cannot be read: "
                        + e.getMessage(), e);
            }
            if (records == 0) {
                delete(segment);
            } else {
                unloaded.put(segment, records);
            }
        }
        return found;
    }

    /**
     * Appends the batches (one record each) and forces them to disk (or, with an fsync interval,
     * hands them to the operating system); returns the segment they are in. An I/O failure (a full
     * disk) leaves the segment as it was before the call.
     */
    synchronized long append(List<Batch> batches) {
        try {
            if (current == null || currentSize >= SEGMENT_BYTES) {
                rotate();
            }
            framed.clear();
            for (Batch b : batches) {
                framed.add(b, JSON::writeValueAsBytes);
            }
            ByteBuffer all = framed.buffer();
            long bytes = all.remaining();
            try {
                while (all.hasRemaining()) {
                    current.write(all);
                }
                if (forcer == null) {
                    current.force(false);
                } else {
                    unforced = true;
                }
            } catch (IOException e) {
                // the next append writes over what this one left (a torn record, never read back)
                current.position(currentSize);
                throw e;
            }
            currentSize += bytes;
            unloaded.merge(currentSegment, batches.size(), Integer::sum);
            return currentSegment;
        } catch (IOException e) {
            throw new UncheckedIOException("the alert journal cannot be written (" + e.getMessage() + ")", e);
        }
    }

    /** Counts records of a segment as loaded; a segment no longer written to with none left is deleted. */
    synchronized void loaded(long segment, int records) {
        Integer left = unloaded.merge(segment, -records, Integer::sum);
        if (left != null && left <= 0) {
            unloaded.remove(segment);
            if (segment != currentSegment || current == null) {
                delete(segment);
            }
        }
    }

    /**
     * Renames a segment whose records the store would not take out of the journal's way (kept for an
     * operator, never deleted) and returns its new path.
     */
    synchronized Path setAside(long segment, String reason) {
        unloaded.remove(segment);
        Path kept = dir.resolve(file(segment).getFileName() + ".unloaded");
        try {
            Files.move(file(segment), kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("alert journal segment " + file(segment) + " cannot be set aside: "
                    + e.getMessage(), e);
        }
        log.error("alert journal segment {} could not be loaded into the store ({}); it is kept as {} and webhooks "
                + "are taken again", file(segment).getFileName(), reason, kept);
        return kept;
    }

    /**
     * Keeps a batch the store refuses even alone (while it takes others) in {@code rejected.jsonl}, one
     * JSON line each with the reason, for an operator to look at; logged as an error.
     */
    synchronized void reject(Batch batch, String reason) {
        Path file = dir.resolve("rejected.jsonl");
        try {
            byte[] line = JSON.writeValueAsBytes(Map.of("reason", reason == null ? "" : reason, "batch", batch));
            byte[] withNewline = java.util.Arrays.copyOf(line, line.length + 1);
            withNewline[line.length] = '\n';
            Files.write(file, withNewline, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
            log.error("{} alerts of run {} were refused by the store ({}); they are kept in {}", batch.alerts().size(),
                    batch.ingestRunId(), reason, file);
        } catch (IOException e) {
            log.error("{} alerts of run {} were refused by the store ({}) and could not be kept in {} ({}): {}",
                    batch.alerts().size(), batch.ingestRunId(), reason, file, e.getMessage(), batch);
        }
    }

    /**
     * The timer of the interval mode: forces what appends wrote since the last run. The flag is
     * cleared before the force, so an append during it is forced next time; the segment may rotate
     * (and be forced and closed there) meanwhile.
     */
    private void forceWritten() {
        FileChannel channel;
        synchronized (this) {
            if (!unforced || current == null) {
                return;
            }
            unforced = false;
            channel = current;
        }
        try {
            channel.force(false);
        } catch (ClosedChannelException e) {
            // rotated or closed: forced there
        } catch (IOException e) {
            unforced = true;
            log.warn("forcing the alert journal in {} to disk failed (retried in {}): {}", dir, fsyncInterval,
                    e.getMessage());
        }
    }

    /** Whether appends wait for the interval's timer to reach the disk (read by tests). */
    boolean unforced() {
        return unforced;
    }

    /** Where the next record goes in the segment being written. */
    synchronized long position() {
        return currentSize;
    }

    /** Records written and not yet loaded (all segments). */
    synchronized int unloadedRecords() {
        return unloaded.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Segment files on disk, oldest first. */
    synchronized List<Long> segments() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> SEGMENT.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> Long.parseLong(m.group(1)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the alert journal folder " + dir + " cannot be listed: " + e.getMessage(), e);
        }
    }

    private void rotate() throws IOException {
        long previous = currentSegment;
        boolean hadCurrent = current != null;
        if (hadCurrent) {
            if (forcer != null) {
                current.force(false);
            }
            current.close();
        }
        currentSegment++;
        current = FileChannel.open(file(currentSegment), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        currentSize = 0;
        preallocate(current);
        if (hadCurrent && !unloaded.containsKey(previous)) {
            delete(previous);
        }
    }

    /**
     * Writes the new segment full of zeros and forces it once, so each later append overwrites blocks
     * the file already has: forcing it then flushes data only, not the file system's metadata (a size
     * change costs a file-system journal commit per fsync). Reading stops at the first zero header.
     */
    private static void preallocate(FileChannel channel) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
        for (long at = 0; at < SEGMENT_BYTES; at += zeros.capacity()) {
            zeros.clear();
            while (zeros.hasRemaining()) {
                channel.write(zeros, at + zeros.position());
            }
        }
        channel.force(true);
        channel.position(0);
    }

    private Path file(long segment) {
        return dir.resolve("alerts-%012d.journal".formatted(segment));
    }

    private void delete(long segment) {
        try {
            Files.deleteIfExists(file(segment));
        } catch (IOException e) {
            log.warn("alert journal segment {} is loaded but could not be deleted: {}", file(segment), e.getMessage());
        }
    }

    private static int crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    /** Closes the segment being written (kept: it may hold records not loaded) and releases the lock. */
    @Override
    public void close() {
        if (forcer != null) {
            // not shutdownNow: an interrupt during a force would close the segment's channel
            forcer.shutdown();
            try {
                forcer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeFiles();
    }

    private synchronized void closeFiles() {
        try {
            if (current != null) {
                if (forcer != null) {
                    current.force(false);
                }
                current.close();
                current = null;
                if (!unloaded.containsKey(currentSegment)) {
                    delete(currentSegment);
                }
            }
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            log.warn("closing the alert journal in {}: {}", dir, e.getMessage());
        }
    }
}
