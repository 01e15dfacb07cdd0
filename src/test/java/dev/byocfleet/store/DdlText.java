package dev.byocfleet.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of a DDL reader to compare the two dialects' statements: what a statement creates,
 * its column list and the clauses after it. Good for the shapes in {@code db/<dialect>/}, not for
 * SQL in general.
 */
final class DdlText {

    /** One column: its name, its type as written (upper case) and whether it is declared NOT NULL. */
    record Column(String name, String type, boolean notNull) {}

    /**
     * One CREATE statement.
     *
     * @param kind    TABLE, VIEW, MATERIALIZED VIEW, DATABASE or SCHEMA
     * @param name    as written, for example {@code metrics.metrics_table}
     * @param columns the column list of a table, empty for anything else
     * @param tail    the text after the column list of a table, or after the name otherwise
     */
    record Statement(String sql, String kind, String name, List<Column> columns, String tail) {

        List<String> columnNames() {
            return columns.stream().map(Column::name).toList();
        }

        Optional<Column> column(String columnName) {
            return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
        }

        /** DUPLICATE or PRIMARY for a StarRocks table, also PRIMARY for a DuckDB table constraint. */
        List<String> keyModels() {
            List<String> models = new ArrayList<>();
            Matcher m = KEY_CLAUSE.matcher(tail);
            while (m.find()) {
                models.add(m.group(1).toUpperCase(Locale.ROOT));
            }
            return models;
        }

        List<String> keyColumns() {
            Matcher m = KEY_CLAUSE.matcher(tail);
            return m.find() ? names(m.group(2)) : List.of();
        }

        List<String> hashColumns() {
            Matcher m = HASH_CLAUSE.matcher(tail);
            return m.find() ? names(m.group(1)) : List.of();
        }

        /** The time unit and column of {@code PARTITION BY date_trunc('unit', column)}. */
        Optional<List<String>> dateTruncPartition() {
            Matcher m = DATE_TRUNC_PARTITION.matcher(tail);
            return m.find() ? Optional.of(List.of(m.group(1), m.group(2))) : Optional.empty();
        }

        boolean hasProperty(String key, String value) {
            return Pattern.compile("'" + Pattern.quote(key) + "'\\s*=\\s*'" + Pattern.quote(value) + "'")
                    .matcher(tail).find();
        }
    }

    private static final Pattern CREATE = Pattern.compile(
            "^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(TABLE|MATERIALIZED\\s+VIEW|VIEW|DATABASE|SCHEMA)\\s+"
                    + "(?:IF\\s+NOT\\s+EXISTS\\s+)?([A-Za-z_][A-Za-z0-9_.]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern KEY_CLAUSE =
            Pattern.compile("\\b(DUPLICATE|PRIMARY)\\s+KEY\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HASH_CLAUSE =
            Pattern.compile("\\bDISTRIBUTED\\s+BY\\s+HASH\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_TRUNC_PARTITION = Pattern.compile(
            "\\bPARTITION\\s+BY\\s+date_trunc\\(\\s*'(\\w+)'\\s*,\\s*(\\w+)\\s*\\)", Pattern.CASE_INSENSITIVE);

    private DdlText() {}

    static Statement parse(String sql) {
        String text = sql.strip();
        Matcher m = CREATE.matcher(text);
        if (!m.find()) {
            return new Statement(text, "OTHER", "", List.of(), text);
        }
        String kind = m.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        String name = m.group(2).toLowerCase(Locale.ROOT);
        String rest = text.substring(m.end());
        if (!kind.equals("TABLE")) {
            return new Statement(text, kind, name, List.of(), rest);
        }
        int open = rest.indexOf('(');
        int close = matchingParen(rest, open);
        List<Column> columns = new ArrayList<>();
        String constraints = "";
        for (String item : splitTopLevel(rest.substring(open + 1, close))) {
            String upper = item.toUpperCase(Locale.ROOT);
            if (upper.startsWith("PRIMARY KEY") || upper.startsWith("UNIQUE")) {
                constraints += " " + item;
                continue;
            }
            String[] parts = item.split("\\s+", 3);
            String more = parts.length > 2 ? parts[2].toUpperCase(Locale.ROOT) : "";
            columns.add(new Column(parts[0].toLowerCase(Locale.ROOT), parts[1].toUpperCase(Locale.ROOT),
                    more.contains("NOT NULL") || more.contains("PRIMARY KEY")));
        }
        return new Statement(text, kind, name, List.copyOf(columns), rest.substring(close + 1) + constraints);
    }

    /** The output names of a SELECT list: the alias after AS, or the (unqualified) column itself. */
    static List<String> selectNames(String selectList) {
        List<String> names = new ArrayList<>();
        for (String item : splitTopLevel(selectList)) {
            Matcher alias = Pattern.compile("(?is).*\\bAS\\s+(\\w+)$").matcher(item);
            String name = alias.matches() ? alias.group(1) : item.substring(item.lastIndexOf('.') + 1);
            names.add(name.toLowerCase(Locale.ROOT));
        }
        return names;
    }

    /** Splits on commas outside parentheses and quotes; items are stripped. */
    static List<String> splitTopLevel(String text) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                items.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        String last = text.substring(start).strip();
        if (!last.isEmpty()) {
            items.add(last);
        }
        return items;
    }

    private static int matchingParen(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '(') {
                depth++;
            } else if (text.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses in " + text);
    }

    private static List<String> names(String list) {
        return splitTopLevel(list).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }
}
