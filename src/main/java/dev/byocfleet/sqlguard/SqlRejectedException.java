package dev.byocfleet.sqlguard;

import dev.byocfleet.api.InvalidParameterException;

/** Guarded SQL broke a rule; answered as 400 naming the {@code sql} parameter. */
public class SqlRejectedException extends InvalidParameterException {

    private final String rule;

    public SqlRejectedException(SqlVerdict.Rejected rejected) {
        super("sql", "Rejected (" + rejected.rule() + "): " + rejected.reason());
        this.rule = rejected.rule();
    }

    public String rule() {
        return rule;
    }
}
