package dev.byocfleet.demo;

import dev.byocfleet.demo.FleetModel.Cluster;
import dev.byocfleet.demo.FleetModel.Node;
import dev.byocfleet.demo.FleetModel.Resource;
import dev.byocfleet.store.Dialect;
import dev.byocfleet.store.TableWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the control-plane replica ({@code byoc.*}) and the customer profile of a built fleet.
 * Values are passed in each table's column order (see db/duckdb/V002__byoc.sql).
 */
final class FleetTables {

    static final BigDecimal USD_PER_CCU = new BigDecimal("0.6500");
    static final BigDecimal USD_PER_CCU_BEFORE_2025_07 = new BigDecimal("0.7000");
    static final LocalDate PRICE_CHANGE = LocalDate.of(2025, 7, 1);

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final FleetModel fleet;
    private final Dialect dialect;
    private final Map<String, Long> counts;

    FleetTables(FleetModel fleet, Dialect dialect, Map<String, Long> counts) {
        this.fleet = fleet;
        this.dialect = dialect;
        this.counts = counts;
    }

    void write(Connection c) throws SQLException {
        organizations(c);
        accounts(c);
        credentialsAndNetworks(c);
        clusters(c);
        resourcesAndNodes(c);
        specsAndRates(c);
        actionsAndHistory(c);
        autoscaling(c);
        profiles(c);
    }

    private TableWriter open(Connection c, String schema, String table, int columns) throws SQLException {
        return dialect.openWriter(c, schema, table, columns);
    }

    private void done(String table, TableWriter w) throws SQLException {
        w.close();
        counts.merge(table, w.rowsWritten(), Long::sum);
    }

    static String hex(long seed, String salt, int chars) {
        return HexFormat.of().toHexDigits(Noise.hash(seed, Noise.key(salt))).substring(0, chars);
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    static BigDecimal dec(double v, int scale) {
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP);
    }

    private void organizations(Connection c) throws SQLException {
        TableWriter w = open(c, "byoc", "organization", 9);
        for (var o : fleet.orgs) {
            w.row(o.orgId(), o.name(), o.rootAccountId(), o.paymentType(), dec(o.ccuBalance(), 6), o.contractStart(),
                    o.contractEnd(), o.createdAt(), "active");
        }
        done("byoc.organization", w);
    }

    private void accounts(Connection c) throws SQLException {
        TableWriter w = open(c, "byoc", "account", 7);
        for (var a : fleet.accounts) {
            w.row(a.accountId(), a.orgId(), a.name(), a.root(), a.supportTier(), a.createdAt(), false);
        }
        done("byoc.account", w);
    }

    private static String credId(Cluster cl, String kind) {
        return kind + "-" + hex(cl.account.accountId().hashCode(), cl.csp + cl.region + kind, 12);
    }

    private void credentialsAndNetworks(Connection c) throws SQLException {
        Set<String> seen = new LinkedHashSet<>();
        TableWriter dep = open(c, "byoc", "deployment_credential", 10);
        TableWriter data = open(c, "byoc", "data_credential", 12);
        TableWriter net = open(c, "byoc", "network_config", 14);
        for (Cluster cl : fleet.clusters) {
            String key = cl.account.accountId() + "|" + cl.csp + "|" + cl.region;
            if (!seen.add(key)) {
                continue;
            }
            String acct = hex(cl.key, "aws-account", 12).replaceAll("[a-f]", "7");
            boolean aws = cl.csp.equals("aws");
            String depId = credId(cl, "dcred");
            dep.row(depId, cl.account.accountId(), cl.csp, "deploy-" + cl.region,
                    aws ? "arn:aws:iam::" + acct + ":role/celerdata-deploy" : null,
                    aws ? "ext-" + hex(cl.key, "ext", 16) : null, aws ? "081976408565" : null, "v3",
                    cl.account.createdAt(), null);
            data.row(credId(cl, "scred"), cl.account.accountId(), cl.csp, cl.region, "data-" + cl.region,
                    aws ? "arn:aws:iam::" + acct + ":role/celerdata-data" : null,
                    aws ? "arn:aws:iam::" + acct + ":instance-profile/celerdata-data" : null,
                    cl.csp.equals("azure") ? null : "sr-" + hex(cl.key, "bucket", 10),
                    cl.csp.equals("azure") ? "sr" + hex(cl.key, "sa", 10) : null,
                    cl.csp.equals("azure") ? "starrocks" : null, "v3", cl.account.createdAt());
            net.row(credId(cl, "net"), cl.account.accountId(), cl.csp, cl.region, "net-" + cl.region, depId,
                    "subnet-" + hex(cl.key, "subnet", 12),
                    json(List.of("subnet-" + hex(cl.key, "subnet", 12), "subnet-" + hex(cl.key, "subnet2", 12))),
                    "sg-" + hex(cl.key, "sg", 12), aws ? "vpce-" + hex(cl.key, "vpce", 12) : null, false,
                    cl.csp.equals("azure") ? "/subscriptions/" + hex(cl.key, "sub", 8) + "/vnet" : null, null,
                    cl.account.createdAt());
        }
        done("byoc.deployment_credential", dep);
        done("byoc.data_credential", data);
        done("byoc.network_config", net);
    }

    private void clusters(Connection c) throws SQLException {
        TableWriter w = open(c, "byoc", "cluster", 24);
        for (Cluster cl : fleet.clusters) {
            LocalDateTime released = cl.releasedHour == null ? null : fleet.timeOf(cl.releasedHour).plusMinutes(5);
            LocalDateTime updated = cl.stateHistory.stream().map(FleetModel.StateChange::changedAt)
                    .max(LocalDateTime::compareTo).orElse(cl.createdAt);
            String version = cl.currentVersion();
            w.row(cl.clusterId, cl.account.accountId(), cl.name, cl.type, cl.csp, cl.region, cl.finalState,
                    cl.abnormalReason, version, version + "-cd" + (cl.index % 3 + 1), credId(cl, "dcred"), credId(cl, "scred"), credId(cl, "net"),
                    false, cl.elastic() && cl.resources.stream().filter(r -> r.type.equals("WAREHOUSE")).count() > 1,
                    9030, cl.officeHours ? 60 : 0, cl.index % 3 != 0, cl.org.tier().equals("S"),
                    cl.environment.equals("prod"), json(cl.tags), cl.createdAt, released, updated);
        }
        done("byoc.cluster", w);
    }

    private void resourcesAndNodes(Connection c) throws SQLException {
        TableWriter res = open(c, "byoc", "cluster_resource", 20);
        TableWriter nodes = open(c, "byoc", "node", 15);
        for (Cluster cl : fleet.clusters) {
            boolean released = cl.releasedHour != null;
            for (Resource r : cl.resources) {
                String state = released ? "Released" : cl.finalState.equals("SUSPENDED") ? "Suspended" : "Running";
                boolean warehouse = r.type.equals("WAREHOUSE");
                res.row(r.resourceId, cl.clusterId, r.type, r.name, state, r.defaultWarehouse, r.instanceType.name(),
                        r.currentCount(), warehouse ? 1 : null, warehouse ? r.currentCount() : null,
                        r.volumeSizeGb == 0 ? null : (long) r.volumeSizeGb, r.volumeSizeGb == 0 ? null : r.volumeCount,
                        r.volumeSizeGb == 0 ? null : 3000L + r.volumeSizeGb * 3L,
                        r.volumeSizeGb == 0 ? null : 125L + r.volumeSizeGb / 10, r.instanceType.localSsdGb() > 0,
                        "specify_az", json(List.of(cl.region + "a")), true, cl.createdAt, released);
            }
            for (Node n : cl.nodes) {
                LocalDateTime heartbeat = n.terminatedAt != null ? n.terminatedAt
                        : n.lastHeartbeat != null ? n.lastHeartbeat
                        : cl.finalState.equals("RUNNING") || cl.finalState.equals("ABNORMAL") ? fleet.end.minusSeconds(7)
                        : lastRunning(cl);
                nodes.row(n.nodeId, cl.clusterId, n.resource.resourceId, n.nodeType, n.feRole, n.vmInstanceId,
                        n.resource.instanceType.name(), n.az, n.privateIp, n.httpPort, n.state, n.version,
                        n.startedAt, heartbeat, n.terminatedAt);
            }
        }
        done("byoc.cluster_resource", res);
        done("byoc.node", nodes);
    }

    private LocalDateTime lastRunning(Cluster cl) {
        for (int h = fleet.hours - 1; h >= 0; h--) {
            if (cl.runningAt(h, fleet.weekdayOfHour0)) {
                return fleet.timeOf(h + 1).minusSeconds(11);
            }
        }
        return cl.createdAt;
    }

    private void specsAndRates(Connection c) throws SQLException {
        TableWriter spec = open(c, "byoc", "vm_spec", 10);
        TableWriter rate = open(c, "byoc", "ccu_rate", 7);
        for (String csp : List.of("aws", "gcp", "azure")) {
            Map<String, Catalog.InstanceType> byRole = new LinkedHashMap<>();
            Catalog.FE_TYPES.get(csp).forEach(t -> byRole.put("FE|" + t.name(), t));
            Catalog.BE_TYPES.get(csp).forEach(t -> byRole.put("BE|" + t.name(), t));
            Catalog.CN_TYPES.get(csp).forEach(t -> byRole.put("COMPUTE|" + t.name(), t));
            Catalog.FE_TYPES.get(csp).forEach(t -> byRole.put("COORDINATOR|" + t.name(), t));
            for (String region : Catalog.REGIONS.get(csp)) {
                for (var e : byRole.entrySet()) {
                    var t = e.getValue();
                    spec.row(csp, region, t.name(), e.getKey().split("\\|")[0], t.family(), t.vcpu(), t.memoryGb(),
                            t.arch(), t.localSsdGb(), true);
                }
            }
            for (var e : byRole.entrySet()) {
                String role = e.getKey().split("\\|")[0];
                if (role.equals("COORDINATOR")) {
                    continue;
                }
                String nodeType = role.equals("COMPUTE") ? "CN" : role;
                BigDecimal perHour = dec(ccuPerHour(e.getValue(), nodeType), 4);
                rate.row(csp, e.getValue().name(), nodeType, LocalDate.of(2023, 1, 1), perHour,
                        USD_PER_CCU_BEFORE_2025_07, PRICE_CHANGE.minusDays(1));
                rate.row(csp, e.getValue().name(), nodeType, PRICE_CHANGE, perHour, USD_PER_CCU, null);
            }
        }
        done("byoc.vm_spec", spec);
        done("byoc.ccu_rate", rate);
    }

    /** CCU per node-hour: one CCU per 4 vCPUs for compute nodes, half that for FEs. */
    static double ccuPerHour(Catalog.InstanceType t, String nodeType) {
        return t.vcpu() / 4.0 * (nodeType.equals("FE") ? 0.5 : 1.0);
    }

    private void actionsAndHistory(Connection c) throws SQLException {
        TableWriter act = open(c, "byoc", "cluster_action", 12);
        TableWriter hist = open(c, "byoc", "cluster_state_history", 6);
        for (Cluster cl : fleet.clusters) {
            for (var a : cl.actions) {
                act.row(a.actionId(), cl.clusterId, a.resourceId(), a.type(), a.requestedBy(), a.source(),
                        a.fromValue(), a.toValue(), a.state(), a.errMsg(), a.startedAt(), a.finishedAt());
            }
            Set<LocalDateTime> times = new LinkedHashSet<>();
            for (var s : cl.stateHistory.stream().sorted(java.util.Comparator.comparing(FleetModel.StateChange::changedAt)).toList()) {
                LocalDateTime at = s.changedAt();
                while (!times.add(at)) {
                    at = at.plusSeconds(1); // (cluster_id, changed_at) is the key
                }
                hist.row(cl.clusterId, at, s.fromState(), s.toState(), s.abnormalReason(), s.actionId());
            }
        }
        done("byoc.cluster_action", act);
        done("byoc.cluster_state_history", hist);
    }

    private void autoscaling(Connection c) throws SQLException {
        TableWriter w = open(c, "byoc", "autoscaling_policy", 10);
        for (Cluster cl : fleet.clusters) {
            boolean scaled = cl.actions.stream().anyMatch(a -> "autoscaler".equals(a.source()));
            if (!scaled) {
                continue;
            }
            Resource wh = cl.computeResource();
            int min = wh.countFrom.values().stream().mapToInt(Integer::intValue).min().orElse(1);
            Map<String, Object> policy = new LinkedHashMap<>();
            policy.put("metric", "cpu_util_pct");
            policy.put("scale_out_above", 75);
            policy.put("scale_in_below", 30);
            policy.put("cooldown_minutes", 15);
            w.row("asp-" + hex(cl.key, "asp", 12), cl.clusterId, wh.resourceId, "CPU", min, wh.peakCount() + 2, "Node",
                    json(policy), true, cl.createdAt.plusDays(1));
        }
        done("byoc.autoscaling_policy", w);
    }

    private void profiles(Connection c) throws SQLException {
        TableWriter w = open(c, "metrics", "dim_customer_profile", 6);
        for (var o : fleet.orgs) {
            w.row(o.orgId(), o.name(), o.tier(), o.region(), o.industry(), o.owner());
        }
        done("metrics.dim_customer_profile", w);
    }
}
