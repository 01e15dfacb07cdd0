package dev.byocfleet.issues.ai;

import java.util.List;
import java.util.Locale;

/** The family of an alert name (disk, memory, compaction...): issues of one family may share a cause. */
enum AlertFamily {
    DISK("disk capacity", List.of("disk")),
    MEMORY("memory", List.of("mem", "oom")),
    FE_JVM("FE JVM and GC", List.of("fe jvm", "gc", "fe thread", "heap")),
    COMPACTION("compaction and versions", List.of("compaction", "version count")),
    NODE("node availability", List.of("service suspension", "backends status", "be down", "node", "alive")),
    CPU("CPU", List.of("cpu")),
    QUERY("query load and errors", List.of("query")),
    LOADING("loading", List.of("load", "kafka")),
    OTHER("other", List.of());

    final String label;
    private final List<String> keywords;

    AlertFamily(String label, List<String> keywords) {
        this.label = label;
        this.keywords = keywords;
    }

    static AlertFamily of(String alertName) {
        String n = alertName == null ? "" : alertName.toLowerCase(Locale.ROOT);
        for (AlertFamily f : values()) {
            if (f.keywords.stream().anyMatch(n::contains)) {
                return f;
            }
        }
        return OTHER;
    }

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
