package dev.byocfleet.alerts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The WHERE clause of the alert list over {@code alerts.lark_alerts l} with its cluster
 * {@code c}, account {@code a} and customer profile {@code p}: fixed fragments, values only as
 * bound parameters. {@code needsJoins} says whether a clause reads {@code a} or {@code p}; when none
 * does, the alert table alone answers which rows match (every join is on a primary key, so it
 * neither adds nor drops an alert).
 */
record AlertFilter(String where, Map<String, Object> params, boolean needsJoins) {

    static AlertFilter of(AlertQuery q) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (q.from() != null) {
            clauses.add("l.received_at >= :from");
            params.put("from", q.from());
        }
        if (q.to() != null) {
            clauses.add("l.received_at < :to");
            params.put("to", q.to());
        }
        in(clauses, params, "l.source", "sources", q.sources());
        in(clauses, params, "l.status", "statuses", q.statuses());
        in(clauses, params, "l.severity", "severities", q.severities());
        equal(clauses, params, "l.cluster_id", "clusterId", q.clusterId());
        equal(clauses, params, "a.org_id", "orgId", q.orgId());
        equal(clauses, params, "p.tier", "tier", q.tier());
        if (q.text() != null) {
            // instr, not LIKE: no wildcard escaping, and the same function on every store
            clauses.add("(instr(lower(l.alert_name), :text) > 0 OR instr(lower(l.summary), :text) > 0"
                    + " OR instr(lower(l.cluster_ref), :text) > 0 OR instr(lower(l.node), :text) > 0)");
            params.put("text", q.text());
        }
        if (q.unparsed() != null) {
            clauses.add("l.parse_status " + (q.unparsed() ? "<>" : "=") + " 'parsed'");
        }
        boolean needsJoins = q.orgId() != null || q.tier() != null;
        return new AlertFilter(clauses.isEmpty() ? "" : "WHERE " + String.join(" AND ", clauses), params, needsJoins);
    }

    private static void in(List<String> clauses, Map<String, Object> params, String column, String name,
                           List<String> values) {
        if (!values.isEmpty()) {
            clauses.add(column + " IN (:" + name + ")");
            params.put(name, values);
        }
    }

    private static void equal(List<String> clauses, Map<String, Object> params, String column, String name,
                              @Nullable String value) {
        if (value != null) {
            clauses.add(column + " = :" + name);
            params.put(name, value);
        }
    }
}
