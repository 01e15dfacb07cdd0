package dev.byocfleet.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Applies the versioned DDL of one dialect ({@code db/<dialect>/V###__name.sql}) in order.
 * {@code bootstrap.sql} (databases and the version table) runs every time and is idempotent;
 * each version runs once and is recorded with its checksum, so a changed file is caught.
 */
public final class SchemaMigrator {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);
    private static final Pattern VERSION_FILE = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    /** One DDL file: its version (0 for bootstrap), name, statements and checksum. */
    public record Migration(int version, String name, List<String> statements, String checksum) {}

    private final String dialect;

    public SchemaMigrator(String dialect) {
        this.dialect = dialect;
    }

    /** Every migration of the dialect, bootstrap first, in version order. */
    public List<Migration> migrations() {
        try {
            var resolver = new PathMatchingResourcePatternResolver(SchemaMigrator.class.getClassLoader());
            List<Migration> result = new ArrayList<>();
            for (Resource r : resolver.getResources("classpath*:db/" + dialect + "/*.sql")) {
                String file = r.getFilename();
                String text = r.getContentAsString(StandardCharsets.UTF_8);
                if ("bootstrap.sql".equals(file)) {
                    result.add(new Migration(0, "bootstrap", splitStatements(text), checksum(text)));
                    continue;
                }
                Matcher m = VERSION_FILE.matcher(file == null ? "" : file);
                if (!m.matches()) {
                    throw new IllegalStateException("db/" + dialect + "/" + file + " is not named V###__name.sql");
                }
                result.add(new Migration(Integer.parseInt(m.group(1)), m.group(2), splitStatements(text), checksum(text)));
            }
            result.sort(Comparator.comparingInt(Migration::version));
            for (int i = 1; i < result.size(); i++) {
                if (result.get(i).version() == result.get(i - 1).version()) {
                    throw new IllegalStateException("two DDL files share version " + result.get(i).version());
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies what is missing; returns the versions applied by this call. */
    public List<Integer> migrate(DataSource dataSource) {
        List<Integer> applied = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<Migration> all = migrations();
            for (Migration m : all) {
                if (m.version() == 0) {
                    execute(c, m);
                }
            }
            Map<Integer, String> done = appliedVersions(c);
            for (Migration m : all) {
                if (m.version() == 0) {
                    continue;
                }
                String known = done.get(m.version());
                if (known != null) {
                    if (!known.equals(m.checksum())) {
                        throw new IllegalStateException("db/" + dialect + "/V" + m.version() + "__" + m.name()
                                + ".sql changed after it was applied; add a new version instead");
                    }
                    continue;
                }
                execute(c, m);
                record(c, m);
                applied.add(m.version());
                log.info("applied schema version {} ({}) on {}", m.version(), m.name(), dialect);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("schema migration failed on " + dialect + ": " + e.getMessage(), e);
        }
        return applied;
    }

    private static void execute(Connection c, Migration m) throws SQLException {
        for (String sql : m.statements()) {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new SQLException("V" + m.version() + "__" + m.name() + ": " + e.getMessage() + "\n" + sql, e);
            }
        }
    }

    private static Map<Integer, String> appliedVersions(Connection c) throws SQLException {
        Map<Integer, String> done = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, checksum FROM alerts.schema_version")) {
            while (rs.next()) {
                done.put(rs.getInt(1), rs.getString(2));
            }
        }
        return done;
    }

    private static void record(Connection c, Migration m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO alerts.schema_version (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
            ps.setInt(1, m.version());
            ps.setString(2, m.name());
            ps.setString(3, m.checksum());
            ps.setTimestamp(4, Timestamp.valueOf(LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC)));
            ps.executeUpdate();
        }
    }

    /** Splits on semicolons that end a line; full-line {@code --} comments are dropped. */
    static List<String> splitStatements(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static String checksum(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
