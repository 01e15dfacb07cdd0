package dev.byocfleet.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The generated fleet in memory before it is written: organizations, accounts and clusters with
 * their resources, nodes, actions and state changes. Hours are counted from the start of the
 * history ({@code hour 0}); negative hours lie before it.
 */
final class FleetModel {

    record Org(int index, String orgId, String name, String tier, String region, String industry, String owner,
               String paymentType, LocalDateTime createdAt, LocalDate contractStart, LocalDate contractEnd,
               String rootAccountId, double ccuBalance) {}

    record Account(String accountId, String orgId, String name, boolean root, String supportTier,
                   LocalDateTime createdAt) {}

    record Action(String actionId, String resourceId, String type, String requestedBy, String source,
                  String fromValue, String toValue, String state, String errMsg, LocalDateTime startedAt,
                  LocalDateTime finishedAt) {}

    record StateChange(LocalDateTime changedAt, String fromState, String toState, String abnormalReason,
                       String actionId) {}

    /** A module of a cluster: FE, BE, COORDINATOR or a WAREHOUSE of CNs; its size can change over time. */
    static final class Resource {
        final String resourceId;
        final String type;
        final String name;
        final Catalog.InstanceType instanceType;
        final String nodeType;
        final boolean defaultWarehouse;
        final int volumeSizeGb;
        final int volumeCount;
        /** Node count from each hour on (the first entry covers everything before it). */
        final TreeMap<Integer, Integer> countFrom = new TreeMap<>();

        Resource(String resourceId, String type, String name, Catalog.InstanceType instanceType, String nodeType,
                 boolean defaultWarehouse, int initialCount, int volumeSizeGb, int volumeCount) {
            this.resourceId = resourceId;
            this.type = type;
            this.name = name;
            this.instanceType = instanceType;
            this.nodeType = nodeType;
            this.defaultWarehouse = defaultWarehouse;
            this.volumeSizeGb = volumeSizeGb;
            this.volumeCount = volumeCount;
            countFrom.put(Integer.MIN_VALUE, initialCount);
        }

        int countAt(int hour) {
            return countFrom.floorEntry(hour).getValue();
        }

        int currentCount() {
            return countFrom.lastEntry().getValue();
        }

        int peakCount() {
            return countFrom.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
    }

    static final class Node {
        final String nodeId;
        final Resource resource;
        final String nodeType;
        final String feRole;
        final String vmInstanceId;
        final String az;
        final String privateIp;
        final int httpPort;
        String state = "alive";
        String version;
        LocalDateTime startedAt;
        LocalDateTime lastHeartbeat;
        LocalDateTime terminatedAt;

        Node(String nodeId, Resource resource, String nodeType, String feRole, String vmInstanceId, String az,
             String privateIp, int httpPort, String version, LocalDateTime startedAt) {
            this.nodeId = nodeId;
            this.resource = resource;
            this.nodeType = nodeType;
            this.feRole = feRole;
            this.vmInstanceId = vmInstanceId;
            this.az = az;
            this.privateIp = privateIp;
            this.httpPort = httpPort;
            this.version = version;
            this.startedAt = startedAt;
        }

        /** host:port as Prometheus labels the instance. */
        String instance() {
            return privateIp + ":" + httpPort;
        }
    }

    static final class Cluster {
        final int index;
        final String clusterId;
        final long key;
        final Org org;
        final Account account;
        final String name;
        final String type;
        final String csp;
        final String region;
        final String environment;
        final LocalDateTime createdAt;
        final int createdHour;
        /** Hours the cluster runs on a schedule (idle clusters suspended nights and weekends). */
        final boolean officeHours;
        final int utcOffsetHours;
        Integer releasedHour;
        Integer suspendedFromHour;
        final String initialVersion;
        /** Version from each hour on. */
        final TreeMap<Integer, String> versionFrom = new TreeMap<>();
        final List<Resource> resources = new ArrayList<>();
        final List<Node> nodes = new ArrayList<>();
        final List<Action> actions = new ArrayList<>();
        final List<StateChange> stateHistory = new ArrayList<>();
        final List<Incident> incidents = new ArrayList<>();
        /** Growth of disk use in percentage points a day; some clusters head for exhaustion. */
        double diskGrowthPerDay;
        double cpuGrowthPerDay;
        String finalState = "RUNNING";
        String abnormalReason;
        final Map<String, Object> tags;

        Cluster(int index, String clusterId, Org org, Account account, String name, String type, String csp,
                String region, String environment, LocalDateTime createdAt, int createdHour, boolean officeHours,
                int utcOffsetHours, String initialVersion, Map<String, Object> tags) {
            this.index = index;
            this.clusterId = clusterId;
            this.key = Noise.key(clusterId);
            this.org = org;
            this.account = account;
            this.name = name;
            this.type = type;
            this.csp = csp;
            this.region = region;
            this.environment = environment;
            this.createdAt = createdAt;
            this.createdHour = createdHour;
            this.officeHours = officeHours;
            this.utcOffsetHours = utcOffsetHours;
            this.initialVersion = initialVersion;
            this.tags = tags;
            versionFrom.put(Integer.MIN_VALUE, initialVersion);
        }

        boolean elastic() {
            return "ELASTIC".equals(type);
        }

        String versionAt(int hour) {
            return versionFrom.floorEntry(hour).getValue();
        }

        String currentVersion() {
            return versionFrom.lastEntry().getValue();
        }

        /** Whether the cluster's nodes run in this hour (and so emit metrics and bill CCU). */
        boolean runningAt(int hour, int weekdayOfHour0) {
            if (hour < createdHour) {
                return false;
            }
            if (releasedHour != null && hour >= releasedHour) {
                return false;
            }
            if (suspendedFromHour != null && hour >= suspendedFromHour) {
                return false;
            }
            if (!officeHours) {
                return true;
            }
            int local = Math.floorMod(hour + utcOffsetHours, 24);
            int day = Math.floorMod(weekdayOfHour0 + Math.floorDiv(hour + utcOffsetHours, 24), 7);
            return day < 5 && local >= 8 && local < 18;
        }

        Resource computeResource() {
            return resources.stream().filter(r -> r.type.equals("BE") || r.defaultWarehouse).findFirst()
                    .orElseThrow();
        }

        Resource feResource() {
            return resources.stream().filter(r -> r.type.equals("FE") || r.type.equals("COORDINATOR")).findFirst()
                    .orElseThrow();
        }

        List<Node> computeNodes() {
            return nodes.stream().filter(n -> !n.nodeType.equals("FE")).toList();
        }
    }

    final LocalDateTime start;
    final LocalDateTime end;
    final int hours;
    /** Day of week of hour 0, Monday = 0. */
    final int weekdayOfHour0;
    final List<Org> orgs = new ArrayList<>();
    final List<Account> accounts = new ArrayList<>();
    final List<Cluster> clusters = new ArrayList<>();

    FleetModel(LocalDateTime start, LocalDateTime end) {
        this.start = start;
        this.end = end;
        this.hours = (int) java.time.Duration.between(start, end).toHours();
        this.weekdayOfHour0 = start.getDayOfWeek().getValue() - 1;
    }

    LocalDateTime timeOf(int hour) {
        return start.plusHours(hour);
    }

    int hourOf(LocalDateTime t) {
        return (int) Math.floorDiv(java.time.Duration.between(start, t).toMinutes(), 60);
    }
}
