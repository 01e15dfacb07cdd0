package dev.byocfleet.ingest.source.lark;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The words alert cards use, in English and Chinese: which key names which field, and the explicit
 * maps from status and severity words to the normalized values. Anything not listed here is not
 * understood: an unknown key is ignored, an unknown status word gives no status.
 */
final class LarkVocabulary {

    /** What a key/value line of a card can say about an alert. */
    enum Field {
        NAME("alertname"), STATUS("status"), SEVERITY("severity"), CLUSTER("cluster"), CLUSTER_ID("cluster_id"),
        JOB("job"), INSTANCE("instance"), SUMMARY("summary"), DETAIL("detail"), DESCRIPTION("description"),
        STARTS("starts_at"), ENDS("ends_at"), FINGERPRINT("fingerprint"), ENVIRONMENT("env"),
        NAMESPACE("namespace"), OBJECT("object");

        /** The label the value is kept under. */
        final String label;

        Field(String label) {
            this.label = label;
        }

        /** Fields that only an alert's own block carries, never a card-wide summary row. */
        boolean identifiesAnAlert() {
            return this == NAME || this == SUMMARY || this == STARTS;
        }
    }

    private static final Map<String, Field> KEYS = new HashMap<>();
    private static final Map<String, String> SEVERITIES = new HashMap<>();
    private static final Map<String, String> STATUSES = new HashMap<>();
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    static {
        keys(Field.NAME, "alertname", "alert name", "告警名称", "告警名", "规则名称", "报警名称");
        keys(Field.STATUS, "status", "state", "alert status", "告警状态", "状态", "报警状态");
        keys(Field.SEVERITY, "severity", "level", "priority", "告警级别", "级别", "告警等级", "严重程度", "优先级", "报警级别");
        keys(Field.CLUSTER, "cluster", "cluster name", "cluster_name", "集群", "集群名称", "集群名");
        keys(Field.CLUSTER_ID, "cluster_id", "cluster id", "clusterid", "集群id");
        keys(Field.JOB, "job", "job_name", "采集任务");
        keys(Field.INSTANCE, "instance", "node", "host", "节点", "实例", "实例地址", "故障主机ip", "主机", "主机ip", "节点地址");
        keys(Field.SUMMARY, "summary", "告警摘要", "摘要", "告警主题");
        keys(Field.DETAIL, "告警详情", "详情", "告警内容", "details");
        keys(Field.DESCRIPTION, "description", "告警描述", "描述");
        keys(Field.STARTS, "starts at", "startsat", "starts_at", "start time", "start", "开始时间", "首次触发", "触发时间",
                "告警时间", "发生时间");
        keys(Field.ENDS, "ends at", "endsat", "ends_at", "end time", "end", "结束时间", "恢复时间");
        keys(Field.FINGERPRINT, "fingerprint", "告警指纹");
        keys(Field.ENVIRONMENT, "environment", "env", "环境");
        keys(Field.NAMESPACE, "namespace", "命名空间");
        keys(Field.OBJECT, "告警对象", "object", "target");

        words(SEVERITIES, "critical", "critical", "crit", "fatal", "emergency", "disaster", "严重", "紧急", "致命",
                "p0", "p1");
        words(SEVERITIES, "warning", "warning", "warn", "警告", "p2", "一般");
        words(SEVERITIES, "info", "info", "information", "notice", "提示", "通知", "p3", "p4");
        words(STATUSES, "firing", "firing", "alerting", "problem", "告警", "触发", "告警中", "未恢复", "🚨", "🔥", "🔴");
        words(STATUSES, "resolved", "resolved", "ok", "recovered", "恢复", "已恢复", "已解决", "✅", "🟢");
    }

    private static final List<String> CJK_KEYS_LONGEST_FIRST = KEYS.keySet().stream()
            .filter(k -> k.length() >= 2 && CJK.matcher(k).find())
            .sorted(java.util.Comparator.comparingInt(String::length).reversed().thenComparing(k -> k)).toList();

    private LarkVocabulary() {
    }

    private static void keys(Field field, String... aliases) {
        for (String a : aliases) {
            KEYS.put(a, field);
        }
    }

    private static void words(Map<String, String> map, String value, String... words) {
        for (String w : words) {
            map.put(w, value);
        }
    }

    /**
     * The field a key names: the key as written, or, for Chinese keys glued to the text before them
     * (column sets read back without separators), the longest known Chinese key it ends with.
     */
    static Optional<Field> field(String rawKey) {
        String key = normalizeKey(rawKey);
        Field exact = KEYS.get(key);
        if (exact != null) {
            return Optional.of(exact);
        }
        if (!CJK.matcher(key).find()) {
            return Optional.empty();
        }
        for (String known : CJK_KEYS_LONGEST_FIRST) {
            if (key.endsWith(known)) {
                return Optional.of(KEYS.get(known));
            }
        }
        return Optional.empty();
    }

    /** Whether a zone-less time under this key is UTC: English-keyed bridges print Alertmanager's UTC times. */
    static boolean utcKey(String rawKey) {
        return !CJK.matcher(rawKey).find();
    }

    static String normalizeKey(String key) {
        return key.replaceAll("[*_`#>\\s]+$", "").replaceAll("^[*_`#>\\s]+", "").replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT).trim();
    }

    /** critical, warning or info for a severity word; empty for a word the map does not know. */
    static Optional<String> severity(String raw) {
        return lookup(SEVERITIES, raw);
    }

    /** firing or resolved for a status word or emoji; empty for a word the map does not know. */
    static Optional<String> status(String raw) {
        return lookup(STATUSES, raw);
    }

    /**
     * Looks the whole value up, then each of its words: "🔴 DOWN / FIRING" and "告警 (firing)" say
     * firing. A value naming both states is not understood.
     */
    private static Optional<String> lookup(Map<String, String> map, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String v = raw.trim().toLowerCase(Locale.ROOT);
        String whole = map.get(v);
        if (whole != null) {
            return Optional.of(whole);
        }
        String found = null;
        for (String token : tokens(v)) {
            String hit = map.get(token);
            if (hit != null) {
                if (found != null && !found.equals(hit)) {
                    return Optional.empty();
                }
                found = hit;
            }
        }
        return Optional.ofNullable(found);
    }

    private static List<String> tokens(String v) {
        return List.of(v.split("[\\s/|,;:()\\[\\]【】（），：]+")).stream().filter(t -> !t.isEmpty()).toList();
    }
}
