package dev.byocfleet.reliability;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies everything written to System.out and System.err (where the console log goes) from the
 * moment it is installed, up to a cap, so a test can read the application's start-up log too.
 */
public final class LogTee {

    private static final int CAP = 32 * 1024 * 1024;
    private static final ByteArrayOutputStream CAPTURED = new ByteArrayOutputStream();
    private static boolean installed;

    private LogTee() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        System.setOut(tee(System.out));
        System.setErr(tee(System.err));
    }

    /** What was written since {@link #install()}, up to the cap. */
    public static String text() {
        synchronized (CAPTURED) {
            return CAPTURED.toString(StandardCharsets.UTF_8);
        }
    }

    private static PrintStream tee(PrintStream original) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (CAPTURED) {
                    if (CAPTURED.size() < CAP) {
                        CAPTURED.write(b);
                    }
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (CAPTURED) {
                    if (CAPTURED.size() < CAP) {
                        CAPTURED.write(b, off, Math.min(len, CAP - CAPTURED.size()));
                    }
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        }, true, StandardCharsets.UTF_8);
    }
}
