package dev.byocfleet.agents;

import java.util.List;

/** The root-cause categories of DESIGN.md section 6. */
public final class RootCause {

    public static final String DISK_CAPACITY = "disk_capacity";
    public static final String COMPACTION_BACKLOG = "compaction_backlog";
    public static final String BE_OOM = "be_oom";
    public static final String FE_GC_PRESSURE = "fe_gc_pressure";
    public static final String QUERY_OVERLOAD = "query_overload";
    public static final String ROUTINE_LOAD_LAG = "routine_load_lag";
    public static final String NODE_FAILURE = "node_failure";
    public static final String VERSION_BUG = "version_bug";
    public static final String SCALING_SIDE_EFFECT = "scaling_side_effect";
    public static final String NO_INCIDENT = "no_incident";
    public static final String UNKNOWN = "unknown";

    public static final List<String> ALL = List.of(DISK_CAPACITY, COMPACTION_BACKLOG, BE_OOM, FE_GC_PRESSURE,
            QUERY_OVERLOAD, ROUTINE_LOAD_LAG, NODE_FAILURE, VERSION_BUG, SCALING_SIDE_EFFECT, NO_INCIDENT, UNKNOWN);

    private RootCause() {
    }
}
