package dev.byocfleet.fleet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The WHERE clause of the fleet list over {@code byoc.cluster c}, {@code account a},
 * {@code organization o} and {@code dim_customer_profile p}: fixed fragments, values only as
 * bound parameters. {@code needsJoins}: a clause reads {@code a}, {@code o} or {@code p}.
 */
record ClusterFilter(String where, Map<String, Object> params, boolean needsJoins) {

    static ClusterFilter of(ClusterQuery q) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (q.text() != null) {
            // instr, not LIKE: no wildcard escaping, and the same function on every store
            clauses.add("(instr(lower(c.cluster_name), :text) > 0 OR instr(lower(c.cluster_id), :text) > 0"
                    + " OR instr(lower(o.org_name), :text) > 0)");
            params.put("text", q.text().toLowerCase(Locale.ROOT));
        }
        equal(clauses, params, "upper(c.cluster_state)", "state", q.state());
        equal(clauses, params, "upper(c.cluster_type)", "type", q.type());
        equal(clauses, params, "p.tier", "tier", q.tier());
        if (q.version() != null) {
            clauses.add("(c.cluster_version = :version"
                    + " OR substr(c.cluster_version, 1, :versionPrefixLength) = :versionPrefix)");
            params.put("version", q.version());
            params.put("versionPrefix", q.version() + ".");
            params.put("versionPrefixLength", q.version().length() + 1);
        }
        equal(clauses, params, "c.region", "region", q.region());
        equal(clauses, params, "a.org_id", "orgId", q.orgId());
        boolean needsJoins = q.text() != null || q.tier() != null || q.orgId() != null;
        return new ClusterFilter(clauses.isEmpty() ? "" : "WHERE " + String.join(" AND ", clauses), params, needsJoins);
    }

    private static void equal(List<String> clauses, Map<String, Object> params, String column, String name,
                              @Nullable String value) {
        if (value != null) {
            clauses.add(column + " = :" + name);
            params.put(name, value);
        }
    }
}
