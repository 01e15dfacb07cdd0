package dev.byocfleet.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Another process holding a DuckDB file: DuckDB takes an OS lock on the file, so no other process can
 * open it until this one exits. {@link #start} runs {@link #main} in a child JVM and returns once the
 * lock is held; destroying the process releases it.
 */
public final class DuckDbLockHolder {

    static final String HOLDING = "holding the DuckDB lock";

    private DuckDbLockHolder() {
    }

    /** In the child: opens the file, says so, and keeps it open until stdin closes or the process is killed. */
    public static void main(String[] args) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS lock_holder (x INTEGER)");
            System.out.println(HOLDING);
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait
            }
        }
    }

    /** Starts the child JVM and waits until it holds the lock of {@code file}. */
    public static Process start(Path file) throws IOException {
        List<String> cp = new ArrayList<>();
        for (Class<?> c : List.of(DuckDbLockHolder.class, org.duckdb.DuckDBDriver.class)) {
            try {
                cp.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (java.net.URISyntaxException e) {
                throw new IOException(e);
            }
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx64m", "-cp", String.join(java.io.File.pathSeparator, cp),
                DuckDbLockHolder.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.contains(HOLDING)) {
                return p;
            }
        }
        p.destroyForcibly();
        throw new IOException("the lock holder exited without taking the lock");
    }
}
