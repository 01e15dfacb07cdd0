package dev.byocfleet.sqlguard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.JsonTableFunction;
import net.sf.jsqlparser.expression.NextValExpression;
import net.sf.jsqlparser.expression.UserVariable;
import net.sf.jsqlparser.expression.XmlTableFunction;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.TableStatement;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Walks every part of a parsed statement (JSqlParser's table finder visits subqueries, CTEs, joins
 * and expressions) and records the first rule it breaks, every table it reads and the CTE names.
 */
final class PolicyVisitor extends TablesNamesFinder<Void> {

    /** A table as written: schema may be null. */
    record TableRef(String catalog, String schema, String name) {
    }

    private final List<TableRef> tableRefs = new ArrayList<>();
    private final Set<String> cteNames = new LinkedHashSet<>();
    private SqlVerdict.Rejected violation;

    /** Visits {@code statement}; returns the first violation, or null. */
    SqlVerdict.Rejected inspect(Statement statement) {
        try {
            getTables(statement);
        } catch (RuntimeException e) {
            // Fail closed: what the walk cannot handle does not run.
            reject("uninspectable", "the guard cannot inspect this statement (" + e.getClass().getSimpleName() + ")");
        }
        return violation;
    }

    List<TableRef> tableRefs() {
        return tableRefs;
    }

    Set<String> cteNames() {
        return cteNames;
    }

    private Void refuse(String rule, String reason) {
        reject(rule, reason);
        return null;
    }

    private void reject(String rule, String reason) {
        if (violation == null) {
            violation = new SqlVerdict.Rejected(rule, reason);
        }
    }

    @Override
    public <S> Void visit(Table table, S context) {
        tableRefs.add(new TableRef(table.getUnquotedCatalogName(), table.getUnquotedSchemaName(),
                table.getUnquotedName()));
        return super.visit(table, context);
    }

    @Override
    public <S> Void visit(WithItem<?> withItem, S context) {
        cteNames.add(withItem.getUnquotedAliasName().toLowerCase(Locale.ROOT));
        if (!(withItem.getParenthesedStatement() instanceof ParenthesedSelect)) {
            reject("data_modifying_cte", "the common table expression '" + withItem.getUnquotedAliasName()
                    + "' is not a SELECT; every CTE must be a SELECT");
            return null;
        }
        return super.visit(withItem, context);
    }

    @Override
    public <S> Void visit(PlainSelect select, S context) {
        if (select.getIntoTables() != null && !select.getIntoTables().isEmpty() || select.getIntoTempTable() != null
                || select.getMySqlSelectIntoClause() != null) {
            reject("select_into", "SELECT ... INTO writes a table or file; remove the INTO clause");
        }
        if (select.getForMode() != null || select.getForUpdateTables() != null && !select.getForUpdateTables().isEmpty()) {
            reject("locking_clause", "locking clauses (FOR UPDATE / FOR SHARE) are not allowed in read-only SQL");
        }
        return super.visit(select, context);
    }

    @Override
    public <S> Void visit(TableFunction function, S context) {
        return refuse("table_function", "table functions such as " + function.getFunction().getName()
                + "() may read files, URLs or settings; query the allow-listed tables instead");
    }

    @Override
    public <S> Void visit(JsonTableFunction function, S context) {
        return refuse("table_function", "JSON_TABLE is a table function and is not allowed");
    }

    @Override
    public <S> Void visit(XmlTableFunction function, S context) {
        return refuse("table_function", "XMLTABLE is a table function and is not allowed");
    }

    @Override
    public <S> Void visit(TableStatement statement, S context) {
        return refuse("statement_type", "TABLE statements are not allowed; write SELECT * FROM the table");
    }

    @Override
    public <S> Void visit(Function function, S context) {
        checkFunction(function.getName());
        return super.visit(function, context);
    }

    @Override
    public <S> Void visit(AnalyticExpression expression, S context) {
        checkFunction(expression.getName());
        return super.visit(expression, context);
    }

    @Override
    public <S> Void visit(NextValExpression expression, S context) {
        return refuse("function_not_allowed", "sequences (NEXT VALUE FOR) change state and are not allowed");
    }

    @Override
    public <S> Void visit(JdbcParameter parameter, S context) {
        return refuse("parameter", "bind parameters (?) are not supported; write the values into the statement");
    }

    @Override
    public <S> Void visit(JdbcNamedParameter parameter, S context) {
        return refuse("parameter", "named parameters (:" + parameter.getName() + ") are not supported; write the values "
                + "into the statement");
    }

    @Override
    public <S> Void visit(UserVariable variable, S context) {
        return refuse("parameter", "session variables (" + variable + ") are not allowed");
    }

    private void checkFunction(String qualifiedName) {
        if (qualifiedName == null) {
            return;
        }
        String name = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1).replace("\"", "").replace("`", "");
        if (!FunctionAllowList.allows(name)) {
            reject("function_not_allowed", "the function " + name + "() is not on the allow-list of read-only "
                    + "functions");
        }
    }
}
