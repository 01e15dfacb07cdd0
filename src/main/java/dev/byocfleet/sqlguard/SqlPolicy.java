package dev.byocfleet.sqlguard;

import dev.byocfleet.sqlguard.SqlText.Call;
import dev.byocfleet.sqlguard.SqlText.Scan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.DescribeStatement;
import net.sf.jsqlparser.statement.ExplainStatement;
import net.sf.jsqlparser.statement.ShowStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.Fetch;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.show.ShowTablesStatement;

/**
 * Decides whether one SQL text is a read-only query over allow-listed tables, and renders the
 * statement that may run. Nothing here touches a database.
 *
 * <p>Checks, in order: size and characters; comments that change meaning on some engine (optimizer
 * hints, MySQL executable comments, {@code #}); nesting depth; exactly one statement; the statement
 * type (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN); then on the parse tree: every CTE a SELECT, no INTO,
 * no locking clause, no table functions, no parameters, functions from an allow-list, every table
 * schema-qualified and allow-listed. The statement is then rendered from the tree (so text the parser
 * ignored cannot reach the database), LIMIT added or clamped, and the rendering scanned once more for
 * function calls as a second line of defence.
 */
final class SqlPolicy {

    private static final Set<String> STATEMENT_WORDS = Set.of("SELECT", "WITH", "SHOW", "DESCRIBE", "DESC", "EXPLAIN");
    private static final Set<String> SHOWABLE = Set.of("DATABASES", "SCHEMAS");
    /** Words that may stand right before '(' without being a function call. */
    private static final Set<String> KEYWORDS_BEFORE_PAREN = Set.of(
            "IN", "EXISTS", "ANY", "ALL", "SOME", "OVER", "FILTER", "WITHIN", "AS", "VALUES", "USING", "ON", "AND",
            "OR", "NOT", "FROM", "JOIN", "LATERAL", "WHEN", "THEN", "ELSE", "BETWEEN", "LIKE", "ILIKE", "IS", "BY",
            "ROLLUP", "CUBE", "SETS", "GROUPING", "INTERVAL", "ROW", "ARRAY", "STRUCT", "MAP", "DISTINCT",
            "EXCLUDE", "UNION", "INTERSECT", "EXCEPT", "LIMIT", "OFFSET", "HAVING", "QUALIFY", "WHERE", "SELECT",
            "CASE", "ESCAPE", "WINDOW", "MATERIALIZED", "EXPLAIN", "RETURN", "PARTITION", "ORDER", "GROUP",
            "RANGE", "ROWS", "PRECEDING", "FOLLOWING", "WITH", "RECURSIVE", "NULLS", "ASC", "DESC", "END", "COLLATE");

    private final TableAllowList tables;
    private final int maxLength;
    private final int maxDepth;
    private final long parseTimeoutMillis;

    SqlPolicy(TableAllowList tables, int maxLength, int maxDepth, long parseTimeoutMillis) {
        this.tables = tables;
        this.maxLength = maxLength;
        this.maxDepth = maxDepth;
        this.parseTimeoutMillis = parseTimeoutMillis;
    }

    /** Checks {@code sql}; an allowed SELECT gets a LIMIT of at most {@code rowLimit}. */
    SqlVerdict check(String sql, int rowLimit) {
        if (sql == null || sql.isBlank()) {
            return rejected("empty", "the statement is empty");
        }
        if (sql.length() > maxLength) {
            return rejected("too_long", "the statement has " + sql.length() + " characters; at most " + maxLength
                    + " are allowed");
        }
        Scan scan = SqlText.scan(sql);
        SqlVerdict.Rejected lexical = lexical(scan);
        if (lexical != null) {
            return lexical;
        }
        String first = scan.firstWord().orElse("");
        if (!STATEMENT_WORDS.contains(first)) {
            return rejected("statement_type", "only SELECT, WITH, SHOW, DESCRIBE and EXPLAIN statements are allowed, not "
                    + (first.isEmpty() ? "this statement" : first));
        }
        Statements statements;
        try {
            statements = CCJSqlParserUtil.parseStatements(sql, parser -> parser
                    .withTimeOut(parseTimeoutMillis)
                    .withAllowedNestingDepth(maxDepth));
        } catch (JSQLParserException e) {
            return rejected("parse_error", "the statement could not be parsed: " + firstLine(e));
        } catch (StackOverflowError e) {
            return rejected("too_deep", "the statement is nested too deeply to check");
        }
        if (statements.size() != 1) {
            return rejected("multiple_statements", "exactly one statement is allowed; found " + statements.size());
        }
        try {
            return checkStatement(statements.getFirst(), rowLimit);
        } catch (RuntimeException e) {
            // Fail closed: a statement the checks cannot handle does not run.
            return rejected("uninspectable", "the guard cannot inspect this statement (" + e.getClass().getSimpleName() + ")");
        }
    }

    private SqlVerdict.Rejected lexical(Scan scan) {
        if (scan.controlCharacter()) {
            return rejected("control_character", "the statement contains control characters");
        }
        if (scan.backslash()) {
            return rejected("backslash", "backslashes are not allowed: DuckDB and StarRocks read escapes in "
                    + "strings differently");
        }
        if (scan.unterminated()) {
            return rejected("unterminated", "a string, quoted identifier or comment is not closed");
        }
        if (scan.hintComment()) {
            return rejected("hint_comment", "optimizer hints (/*+ ... */) can change session settings and are not "
                    + "allowed");
        }
        if (scan.executableComment()) {
            return rejected("executable_comment", "MySQL executable comments (/*! ... */) are not allowed");
        }
        if (scan.hashComment()) {
            return rejected("hash_comment", "'#' comments are not allowed; use -- or /* */");
        }
        if (scan.maxDepth() > maxDepth) {
            return rejected("too_deep", "parentheses nest " + scan.maxDepth() + " deep; at most " + maxDepth
                    + " are allowed");
        }
        if (scan.codeAfterSeparator()) {
            return rejected("multiple_statements", "exactly one statement is allowed; remove everything after "
                    + "the first ';'");
        }
        return null;
    }

    private SqlVerdict checkStatement(Statement statement, int rowLimit) {
        return switch (statement) {
            case Values v -> rejected("statement_type", "a bare VALUES list is not a query of the fleet data");
            case Select select -> checkSelect(select, rowLimit);
            case ExplainStatement explain -> checkExplain(explain);
            case DescribeStatement describe -> checkTables(describe, "describe", List.of(describe.getTable()));
            case ShowTablesStatement show -> show.getDbName() == null
                    || TableAllowList.SCHEMAS.contains(unquote(show.getDbName()).toLowerCase(Locale.ROOT))
                    ? allowed(statement.toString(), "show", List.of(), null)
                    : rejected("show_not_allowed", "SHOW TABLES may list only the schemas " + TableAllowList.SCHEMAS);
            case ShowStatement show -> SHOWABLE.contains(show.getName().toUpperCase(Locale.ROOT))
                    ? allowed(statement.toString(), "show", List.of(), null)
                    : rejected("show_not_allowed", "SHOW " + show.getName() + " is not allowed; SHOW TABLES, SHOW "
                    + "DATABASES and DESCRIBE schema.table are");
            default -> rejected("statement_type", "only SELECT, WITH, SHOW, DESCRIBE and EXPLAIN statements are "
                    + "allowed, not " + statement.getClass().getSimpleName().replace("Statement", "").toUpperCase(Locale.ROOT));
        };
    }

    private SqlVerdict checkSelect(Select select, int rowLimit) {
        PolicyVisitor visitor = new PolicyVisitor();
        SqlVerdict.Rejected violation = visitor.inspect(select);
        if (violation != null) {
            return violation;
        }
        SqlVerdict.Rejected tableViolation = checkTableRefs(visitor);
        if (tableViolation != null) {
            return tableViolation;
        }
        int limit = clampLimit(select, rowLimit);
        String rendered = select.toString();
        SqlVerdict.Rejected calls = checkCalls(rendered, visitor.cteNames());
        return calls != null ? calls : allowed(rendered, "select", qualifiedNames(visitor), limit);
    }

    private SqlVerdict checkExplain(ExplainStatement explain) {
        if (explain.getStatement() instanceof Select select) {
            PolicyVisitor visitor = new PolicyVisitor();
            SqlVerdict.Rejected violation = visitor.inspect(select);
            if (violation == null) {
                violation = checkTableRefs(visitor);
            }
            if (violation == null) {
                violation = checkCalls(explain.toString(), visitor.cteNames());
            }
            return violation != null ? violation : allowed(explain.toString(), "explain", qualifiedNames(visitor), null);
        }
        if (explain.getStatement() == null && explain.getTable() != null) {
            return checkTables(explain, "describe", List.of(explain.getTable()));
        }
        return rejected("statement_type", "EXPLAIN is allowed only for a SELECT");
    }

    private SqlVerdict checkTables(Statement statement, String type, List<Table> refs) {
        List<String> names = new ArrayList<>();
        for (Table t : refs) {
            SqlVerdict.Rejected r = checkTable(new PolicyVisitor.TableRef(t.getUnquotedCatalogName(),
                    t.getUnquotedSchemaName(), t.getUnquotedName()), Set.of());
            if (r != null) {
                return r;
            }
            names.add(TableAllowList.key(t.getUnquotedSchemaName(), t.getUnquotedName()));
        }
        return allowed(statement.toString(), type, names, null);
    }

    private SqlVerdict.Rejected checkTableRefs(PolicyVisitor visitor) {
        for (String cte : visitor.cteNames()) {
            if (tables.knowsTableNamed(cte)) {
                return rejected("cte_shadows_table", "the CTE name '" + cte + "' is also a table name; rename the CTE");
            }
        }
        for (PolicyVisitor.TableRef ref : visitor.tableRefs()) {
            SqlVerdict.Rejected r = checkTable(ref, visitor.cteNames());
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    private SqlVerdict.Rejected checkTable(PolicyVisitor.TableRef ref, Set<String> cteNames) {
        if (ref.name() == null || ref.name().isBlank()) {
            return rejected("table_not_allowed", "a FROM item must name a table");
        }
        if (ref.catalog() != null) {
            return rejected("table_not_allowed", "tables must be named schema.table without a database/catalog "
                    + "prefix; got " + ref.catalog() + "." + ref.schema() + "." + ref.name());
        }
        if (ref.schema() == null) {
            if (cteNames.contains(ref.name().toLowerCase(Locale.ROOT))) {
                return null;
            }
            return rejected("unqualified_table", "the table '" + ref.name() + "' must be qualified with its schema "
                    + "(metrics., byoc. or alerts.)");
        }
        if (!tables.allows(ref.schema(), ref.name())) {
            return rejected("table_not_allowed", "the table " + TableAllowList.key(ref.schema(), ref.name())
                    + " is not on the allow-list of readable tables");
        }
        return null;
    }

    /** The second line of defence: every name(...) in the rendered statement is a known function. */
    private SqlVerdict.Rejected checkCalls(String rendered, Set<String> cteNames) {
        for (Call call : SqlText.scan(rendered).calls()) {
            String name = call.name();
            String upper = name.toUpperCase(Locale.ROOT);
            boolean keyword = !call.quoted() && KEYWORDS_BEFORE_PAREN.contains(upper);
            boolean aliasColumns = "AS".equals(call.previousWord()) || cteNames.contains(name.toLowerCase(Locale.ROOT));
            if (!keyword && !aliasColumns && !FunctionAllowList.allows(name)) {
                return rejected("function_not_allowed", "the function " + name + "() is not on the allow-list of "
                        + "read-only functions");
            }
        }
        return null;
    }

    /** Adds LIMIT rowLimit, or lowers a larger (or non-literal) one; returns the limit now in place. */
    private static int clampLimit(Select select, int rowLimit) {
        long wanted = rowLimit;
        Fetch fetch = select.getFetch();
        if (fetch != null) {
            wanted = Math.min(wanted, literal(fetch.getExpression(), rowLimit));
            select.setFetch(null);
        }
        Limit limit = select.getLimit();
        if (limit == null) {
            select.setLimit(new Limit().withRowCount(new LongValue(wanted)));
            return (int) wanted;
        }
        if (!limit.isLimitAll() && !limit.isLimitNull() && limit.getRowCount() != null) {
            wanted = Math.min(wanted, literal(limit.getRowCount(), rowLimit));
        }
        limit.setLimitAll(false);
        limit.setLimitNull(false);
        limit.setRowCount(new LongValue(Math.max(0, wanted)));
        return (int) Math.max(0, wanted);
    }

    private static long literal(net.sf.jsqlparser.expression.Expression expression, long otherwise) {
        return expression instanceof LongValue v ? v.getValue() : otherwise;
    }

    private static List<String> qualifiedNames(PolicyVisitor visitor) {
        return visitor.tableRefs().stream()
                .filter(t -> t.schema() != null)
                .map(t -> TableAllowList.key(t.schema(), t.name()))
                .distinct().sorted().toList();
    }

    private static SqlVerdict.Allowed allowed(String sql, String type, List<String> tables, Integer limit) {
        return new SqlVerdict.Allowed(sql, type, tables, limit);
    }

    private static SqlVerdict.Rejected rejected(String rule, String reason) {
        return new SqlVerdict.Rejected(rule, reason);
    }

    private static String unquote(String name) {
        return name.replace("\"", "").replace("`", "");
    }

    private static String firstLine(Exception e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        String message = String.valueOf(t.getMessage());
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
