package dev.byocfleet.demo;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Root-cause kinds a scenario can inject (DESIGN.md section 6, without {@code unknown}). */
public enum IncidentKind {
    DISK_CAPACITY, COMPACTION_BACKLOG, BE_OOM, FE_GC_PRESSURE, QUERY_OVERLOAD, ROUTINE_LOAD_LAG, NODE_FAILURE,
    VERSION_BUG, SCALING_SIDE_EFFECT, NO_INCIDENT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IncidentKind parse(String text) {
        for (IncidentKind k : values()) {
            if (k.id().equals(text == null ? "" : text.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown incident kind '" + text + "': use one of "
                + Arrays.stream(values()).map(IncidentKind::id).collect(Collectors.joining(", ")));
    }
}
