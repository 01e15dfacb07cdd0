package dev.byocfleet.sqlguard;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of guarded SQL, bound from {@code byoc.sql-guard.*}.
 *
 * @param maxRows         most rows a statement may return; a larger or missing LIMIT becomes this
 * @param defaultRows     the LIMIT when the caller asks for none
 * @param maxResultBytes  most bytes of rendered values returned; reading stops past it
 * @param timeout         statement timeout
 * @param maxSqlLength    longest statement text accepted
 * @param maxNesting      deepest parenthesis nesting accepted
 * @param extraTables     readable tables beyond the built-in allow-list, {@code schema.table}
 * @param starrocksUser   on StarRocks, an account with SELECT grants only for the read-only pool
 * @param poolSize        connections of the read-only pool
 */
@ConfigurationProperties("byoc.sql-guard")
public record SqlGuardProperties(
        int maxRows,
        int defaultRows,
        long maxResultBytes,
        Duration timeout,
        int maxSqlLength,
        int maxNesting,
        List<String> extraTables,
        String starrocksUser,
        String starrocksPassword,
        int poolSize) {

    public SqlGuardProperties {
        maxRows = maxRows <= 0 ? 1000 : maxRows;
        defaultRows = defaultRows <= 0 ? Math.min(100, maxRows) : Math.min(defaultRows, maxRows);
        maxResultBytes = maxResultBytes <= 0 ? 1_000_000 : maxResultBytes;
        timeout = timeout == null || timeout.isNegative() || timeout.isZero() ? Duration.ofSeconds(15) : timeout;
        maxSqlLength = maxSqlLength <= 0 ? 20_000 : maxSqlLength;
        maxNesting = maxNesting <= 0 ? 32 : maxNesting;
        extraTables = extraTables == null ? List.of() : List.copyOf(extraTables);
        poolSize = poolSize <= 0 ? 2 : poolSize;
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "SqlGuardProperties[maxRows=" + maxRows + ", defaultRows=" + defaultRows + ", maxResultBytes="
                + maxResultBytes + ", timeout=" + timeout + ", extraTables=" + extraTables + ", starrocksUser="
                + starrocksUser + "]";
    }
}
