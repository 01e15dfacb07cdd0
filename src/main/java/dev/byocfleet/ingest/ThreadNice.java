package dev.byocfleet.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the CPU priority of the threads that work behind the webhook answers (the loader into the
 * store, issue grouping), so that under a burst the requests are answered first and the work behind
 * them catches up after. On Linux a thread has its own nice value; Java has no call for it before the
 * foreign-function API (final only after Java 21), so the thread runs {@code renice} on its own id
 * once, when it starts. Where that is not possible (another system, no {@code renice}) the thread
 * keeps its priority, which is only slower, never wrong.
 */
final class ThreadNice {

    private static final Logger log = LoggerFactory.getLogger(ThreadNice.class);
    /** Nice values Linux takes: -20 (most CPU) to 19 (least); only raising it needs no privilege. */
    static final int MAX = 19;

    private ThreadNice() {}

    /** A factory whose threads first set their own nice value to {@code nice} (0: they keep the process's). */
    static ThreadFactory lowered(ThreadFactory factory, int nice) {
        if (nice < 0 || nice > MAX) {
            throw new IllegalArgumentException("a background thread's nice value must be 0 (unchanged) to " + MAX + ", not " + nice);
        }
        if (nice == 0) {
            return factory;
        }
        return task -> factory.newThread(() -> {
            apply(nice);
            task.run();
        });
    }

    /** Sets the calling thread's nice value; true when it took. */
    static boolean apply(int nice) {
        String tid = threadId();
        if (tid == null) {
            return false;
        }
        try {
            Process p = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                log.info("{} keeps its CPU priority: renice did not answer within 5 s", Thread.currentThread().getName());
                return false;
            }
            if (p.exitValue() != 0) {
                log.info("{} keeps its CPU priority: renice -n {} -p {} failed (exit {})", Thread.currentThread().getName(),
                        nice, tid, p.exitValue());
                return false;
            }
            return true;
        } catch (IOException e) {
            log.info("{} keeps its CPU priority: renice could not run ({})", Thread.currentThread().getName(), e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The calling thread's nice value as Linux has it, or null where there is no {@code /proc/thread-self}. */
    static Integer current() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // after the command name in parentheses: state is field 3, nice field 19
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(f[16]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The calling thread's id as Linux numbers it ({@code /proc/thread-self} is {@code <pid>/task/<tid>}), or null. */
    private static String threadId() {
        try {
            String link = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
            String tid = link.substring(link.lastIndexOf('/') + 1);
            return tid.chars().allMatch(Character::isDigit) && !tid.isEmpty() ? tid : null;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
