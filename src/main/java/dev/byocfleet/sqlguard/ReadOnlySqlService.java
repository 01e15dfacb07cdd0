package dev.byocfleet.sqlguard;

import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.api.NotFoundException;
import dev.byocfleet.sqlguard.ReadOnlyQueryRepository.CatalogColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Read-only SQL for MCP clients and agents: every statement passes {@link SqlPolicy} (one SELECT,
 * WITH, SHOW, DESCRIBE or EXPLAIN over allow-listed tables, LIMIT clamped) and then runs on a
 * read-only connection with a timeout and row and byte caps. Also describes the readable schema.
 */
@Service
public class ReadOnlySqlService {

    /** Sample rows of {@link #tableOverview}. */
    public static final int SAMPLE_ROWS = 3;

    private final SqlPolicy policy;
    private final TableAllowList tables;
    private final ReadOnlyQueryRepository repository;
    private final SqlGuardProperties props;

    ReadOnlySqlService(ReadOnlyQueryRepository repository, SqlGuardProperties props) {
        this.repository = repository;
        this.props = props;
        this.tables = new TableAllowList(props.extraTables());
        this.policy = new SqlPolicy(tables, props.maxSqlLength(), props.maxNesting(), 5_000);
    }

    /** The guard's decision without running anything; {@code maxRows} as in {@link #query}. */
    public SqlVerdict check(String sql, @Nullable Integer maxRows) {
        return policy.check(sql, rowLimit(maxRows));
    }

    /**
     * Runs one read-only statement.
     *
     * @param maxRows rows wanted, 1 to {@code byoc.sql-guard.max-rows}; null means the default
     * @throws SqlRejectedException when the guard refuses the statement, naming the rule
     */
    public QueryResult query(String sql, @Nullable Integer maxRows) {
        int limit = rowLimit(maxRows);
        return switch (policy.check(sql, limit)) {
            case SqlVerdict.Rejected rejected -> throw new SqlRejectedException(rejected);
            case SqlVerdict.Allowed allowed -> repository.run(allowed.sql(), allowed.rowLimit(),
                    allowed.rowLimit() == null ? props.maxRows() : Math.min(allowed.rowLimit(), props.maxRows()),
                    props.maxResultBytes(), props.timeout());
        };
    }

    /** Readable tables that exist, with kind, column count and exact row count; {@code schema} null means all. */
    public SchemaOverview schemaOverview(@Nullable String schema) {
        Map<String, List<CatalogColumn>> byTable = catalog(schemas(schema));
        List<SchemaOverview.TableSummary> out = new ArrayList<>();
        byTable.forEach((name, columns) -> out.add(new SchemaOverview.TableSummary(columns.getFirst().schema(),
                columns.getFirst().table(), kind(columns.getFirst().tableType()), columns.size(),
                repository.countRows(name, props.timeout()).orElse(null))));
        return new SchemaOverview(out);
    }

    /** Columns, row count and a few rows of one readable table, named {@code schema.table}. */
    public TableOverview tableOverview(String qualifiedTable) {
        String name = qualifiedTable == null ? "" : qualifiedTable.strip().toLowerCase(Locale.ROOT);
        int dot = name.indexOf('.');
        if (dot <= 0 || name.indexOf('.', dot + 1) >= 0) {
            throw new InvalidParameterException("table", "name the table as schema.table, for example "
                    + "metrics.amv_hourly_snapshots_v1");
        }
        String schema = name.substring(0, dot);
        if (!tables.allows(schema, name.substring(dot + 1))) {
            throw new InvalidParameterException("table", "the table " + name + " is not readable; readable tables: "
                    + String.join(", ", tables.tables()));
        }
        List<CatalogColumn> columns = catalog(List.of(schema)).get(name);
        if (columns == null) {
            throw new NotFoundException("The table " + name + " does not exist in this store.");
        }
        return new TableOverview(columns.getFirst().schema(), columns.getFirst().table(),
                kind(columns.getFirst().tableType()),
                columns.stream().map(c -> new TableOverview.ColumnInfo(c.column(), c.type(), c.nullable())).toList(),
                repository.countRows(name, props.timeout()).orElse(null),
                query("SELECT * FROM " + name, SAMPLE_ROWS));
    }

    /** Every table guarded SQL may read, {@code schema.table}. */
    public List<String> readableTables() {
        return List.copyOf(tables.tables());
    }

    public SqlGuardProperties limits() {
        return props;
    }

    private Map<String, List<CatalogColumn>> catalog(List<String> schemas) {
        Map<String, List<CatalogColumn>> byTable = new LinkedHashMap<>();
        for (CatalogColumn c : repository.columns(schemas)) {
            if (tables.allows(c.schema(), c.table())) {
                byTable.computeIfAbsent(TableAllowList.key(c.schema(), c.table()), k -> new ArrayList<>()).add(c);
            }
        }
        return byTable;
    }

    private static List<String> schemas(@Nullable String schema) {
        if (schema == null || schema.isBlank()) {
            return TableAllowList.SCHEMAS.stream().sorted().toList();
        }
        String s = schema.strip().toLowerCase(Locale.ROOT);
        if (!TableAllowList.SCHEMAS.contains(s)) {
            throw new InvalidParameterException("schema", "schema must be one of metrics, byoc, alerts");
        }
        return List.of(s);
    }

    private static String kind(@Nullable String tableType) {
        return tableType != null && tableType.toUpperCase(Locale.ROOT).contains("VIEW") ? "view" : "table";
    }

    private int rowLimit(@Nullable Integer maxRows) {
        if (maxRows == null) {
            return props.defaultRows();
        }
        if (maxRows < 1 || maxRows > props.maxRows()) {
            throw new InvalidParameterException("max_rows", "max_rows must be between 1 and " + props.maxRows());
        }
        return maxRows;
    }
}
