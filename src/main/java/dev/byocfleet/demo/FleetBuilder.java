package dev.byocfleet.demo;

import dev.byocfleet.demo.FleetModel.Account;
import dev.byocfleet.demo.FleetModel.Action;
import dev.byocfleet.demo.FleetModel.Cluster;
import dev.byocfleet.demo.FleetModel.Node;
import dev.byocfleet.demo.FleetModel.Org;
import dev.byocfleet.demo.FleetModel.Resource;
import dev.byocfleet.demo.FleetModel.StateChange;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds the fleet's organizations, accounts and clusters with their life cycle (created,
 * scheduled suspend/resume, suspended, released), sizes, versions, upgrades and scaling. One
 * random stream in a fixed order: the same seed builds the same fleet.
 */
final class FleetBuilder {

    private final Preset preset;
    private final SplittableRandom rnd;
    private final FleetModel fleet;
    private final Set<String> orgNames = new HashSet<>();
    private int actionSeq;

    FleetBuilder(Preset preset, long seed, LocalDateTime end) {
        this.preset = preset;
        this.rnd = new SplittableRandom(seed);
        this.fleet = new FleetModel(end.minusDays(preset.historyDays()), end);
    }

    FleetModel build() {
        for (int i = 0; i < preset.organizations(); i++) {
            addOrg(i);
        }
        int[] clustersPerOrg = spreadClusters();
        int index = 0;
        for (Org org : fleet.orgs) {
            List<Account> accounts = fleet.accounts.stream().filter(a -> a.orgId().equals(org.orgId())).toList();
            for (int j = 0; j < clustersPerOrg[org.index()]; j++) {
                addCluster(index++, org, accounts.get(rnd.nextInt(accounts.size())), j);
            }
        }
        return fleet;
    }

    private String id(String prefix, int bytes) {
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < bytes; i++) {
            sb.append(String.format("%02x", rnd.nextInt(256)));
        }
        return sb.toString();
    }

    private <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    private void addOrg(int i) {
        double r = rnd.nextDouble();
        String tier = r < 0.06 ? "S" : r < 0.28 ? "A" : "B";
        String name;
        do {
            name = pick(Catalog.NAME_A) + pick(Catalog.NAME_B) + " " + pick(Catalog.NAME_C);
        } while (!orgNames.add(name) && orgNames.size() < 18_000);
        String orgId = id("org-", 6);
        String csp = pick(Catalog.CSPS);
        LocalDateTime created = fleet.start.minusDays(30 + rnd.nextInt(900)).withHour(rnd.nextInt(24));
        String payment = tier.equals("B") && rnd.nextDouble() < 0.6 ? "on_demand" : "contract";
        LocalDate contractStart = payment.equals("contract") ? created.toLocalDate() : null;
        LocalDate contractEnd = contractStart == null ? null : fleet.end.toLocalDate().plusDays(30 + rnd.nextInt(700));
        String rootAccount = id("acc-", 6);
        double balance = payment.equals("contract") ? 5_000 + rnd.nextInt(400_000) : 0;
        Org org = new Org(i, orgId, name, tier, pick(Catalog.REGIONS.get(csp)), pick(Catalog.INDUSTRIES),
                pick(Catalog.OWNERS), payment, created, contractStart, contractEnd, rootAccount, balance);
        fleet.orgs.add(org);
        String support = switch (tier) {
            case "S" -> "premium";
            case "A" -> "enterprise";
            default -> "standard";
        };
        fleet.accounts.add(new Account(rootAccount, orgId, name + " root", true, support, created));
        int extra = tier.equals("B") ? (rnd.nextDouble() < 0.2 ? 1 : 0) : 1 + rnd.nextInt(2);
        for (int a = 0; a < extra; a++) {
            fleet.accounts.add(new Account(id("acc-", 6), orgId, name + " " + pick(Catalog.ENVIRONMENTS), false,
                    support, created.plusDays(rnd.nextInt(200))));
        }
    }

    /** Every org gets one cluster; the rest go preferentially to bigger (S, then A) customers. */
    private int[] spreadClusters() {
        int[] counts = new int[fleet.orgs.size()];
        double[] weights = new double[counts.length];
        double total = 0;
        for (Org org : fleet.orgs) {
            counts[org.index()] = 1;
            double w = switch (org.tier()) {
                case "S" -> 6.0;
                case "A" -> 2.5;
                default -> 1.0;
            } * (0.3 + rnd.nextDouble() * 1.7);
            weights[org.index()] = w;
            total += w;
        }
        for (int left = preset.clusters() - counts.length; left > 0; left--) {
            double x = rnd.nextDouble() * total;
            int k = 0;
            while (k < weights.length - 1 && (x -= weights[k]) > 0) {
                k++;
            }
            counts[k]++;
        }
        return counts;
    }

    private void addCluster(int index, Org org, Account account, int ordinalInOrg) {
        String csp = index == 0 ? "aws" : pick(Catalog.CSPS);
        String region = rnd.nextDouble() < 0.7 && Catalog.REGIONS.get(csp).contains(org.region())
                ? org.region() : pick(Catalog.REGIONS.get(csp));
        boolean elastic = rnd.nextDouble() < 0.4;
        String env = ordinalInOrg == 0 ? "prod" : pick(Catalog.ENVIRONMENTS);
        String slug = org.name().toLowerCase().replaceAll("[^a-z]+", "-").replaceAll("(^-|-$)", "");
        String name = slug + "-" + env + "-" + String.format("%02d", ordinalInOrg + 1);
        int hours = fleet.hours;
        // 12% of clusters are created during the history; the rest existed before it.
        int createdHour = rnd.nextDouble() < 0.12 ? rnd.nextInt(Math.max(1, hours - 12)) : -24 * (10 + rnd.nextInt(700));
        LocalDateTime createdAt = fleet.timeOf(createdHour).plusMinutes(rnd.nextInt(60));
        boolean prod = env.equals("prod");
        // Idle schedules: most non-production clusters, and some standard-tier production ones,
        // suspend outside working hours (idle_suspend_interval).
        boolean office = rnd.nextDouble() < (prod ? (org.tier().equals("B") ? 0.35 : 0) : 0.8);
        int utcOffset = region.startsWith("ap") || region.startsWith("asia") || region.startsWith("southeast") ? 8
                : region.startsWith("eu") || region.startsWith("europe") || region.startsWith("west") ? 1 : -6;
        String version = weightedVersion();
        Map<String, Object> tags = new LinkedHashMap<>();
        tags.put("env", env);
        tags.put("team", pick(List.of("data-platform", "bi", "growth", "risk", "ml", "ops")));
        Cluster c = new Cluster(index, id("c-", 8), org, account, name, elastic ? "ELASTIC" : "CLASSIC", csp, region,
                env, createdAt, createdHour, office, utcOffset, version, tags);
        addResourcesAndNodes(c, prod);
        lifeCycle(c, prod);
        growth(c);
        fleet.clusters.add(c);
    }

    private String weightedVersion() {
        int total = 0;
        for (int w : Catalog.VERSION_WEIGHTS) {
            total += w;
        }
        int x = rnd.nextInt(total);
        for (int i = 0; i < Catalog.VERSION_WEIGHTS.length; i++) {
            x -= Catalog.VERSION_WEIGHTS[i];
            if (x < 0) {
                return Catalog.VERSIONS.get(i);
            }
        }
        return Catalog.VERSIONS.getLast();
    }

    private void addResourcesAndNodes(Cluster c, boolean prod) {
        boolean big = c.org.tier().equals("S") || (prod && c.org.tier().equals("A"));
        Catalog.InstanceType feType = pick(Catalog.FE_TYPES.get(c.csp));
        int feCount = prod || big ? 3 : 1;
        Resource fe = new Resource(id("res-", 6), c.elastic() ? "COORDINATOR" : "FE", "fe", feType, "FE", false,
                feCount, 100, 1);
        c.resources.add(fe);
        int computeCount = big ? 4 + rnd.nextInt(9) : prod ? 3 + rnd.nextInt(4) : 1 + rnd.nextInt(3);
        Resource compute;
        if (c.elastic()) {
            compute = new Resource(id("res-", 6), "WAREHOUSE", "default_warehouse", pick(Catalog.CN_TYPES.get(c.csp)),
                    "CN", true, computeCount, 0, 0);
        } else {
            compute = new Resource(id("res-", 6), "BE", "be", pick(Catalog.BE_TYPES.get(c.csp)), "BE", false,
                    computeCount, 500 * (1 + rnd.nextInt(8)), 1 + rnd.nextInt(4));
        }
        c.resources.add(compute);
        String prefix = "10." + (c.index / 250 % 250) + "." + (c.index % 250);
        int host = 10;
        for (int i = 0; i < feCount; i++) {
            c.nodes.add(node(c, fe, "FE", i == 0 ? "LEADER" : "FOLLOWER", prefix + "." + host++, 8030));
        }
        for (int i = 0; i < computeCount; i++) {
            c.nodes.add(node(c, compute, compute.nodeType, null, prefix + "." + host++, 8040));
        }
    }

    private Node node(Cluster c, Resource r, String type, String feRole, String ip, int port) {
        String az = c.region + (char) ('a' + rnd.nextInt(3));
        return new Node(id("node-", 6), r, type, feRole, "i-" + id("", 8), az, ip, port, c.initialVersion,
                c.createdAt.plusMinutes(10));
    }

    private String nextActionId() {
        return "act-" + String.format("%08d", ++actionSeq) + "-" + id("", 3);
    }

    Action action(Cluster c, Resource r, String type, String source, String from, String to, int hour) {
        LocalDateTime at = fleet.timeOf(hour).plusMinutes(rnd.nextInt(50));
        String by = source.equals("autoscaler") || source.equals("schedule") ? "system"
                : c.org.owner() + "@" + c.org.name().toLowerCase().replaceAll("[^a-z]", "") + ".com";
        Action a = new Action(nextActionId(), r == null ? null : r.resourceId, type, by, source, from, to, "Succeeded",
                null, at, at.plusMinutes(2 + rnd.nextInt(15)));
        c.actions.add(a);
        return a;
    }

    private void lifeCycle(Cluster c, boolean prod) {
        int hours = fleet.hours;
        if (c.createdHour >= 0) {
            Action deploy = action(c, null, "DEPLOY", "console", null, c.initialVersion, c.createdHour);
            c.stateHistory.add(new StateChange(deploy.startedAt(), null, "DEPLOYING", null, deploy.actionId()));
            c.stateHistory.add(new StateChange(deploy.finishedAt(), "DEPLOYING", "RUNNING", null, deploy.actionId()));
        }
        double r = rnd.nextDouble();
        if (!prod && r < 0.10) {
            c.releasedHour = Math.max(c.createdHour + 6, rnd.nextInt(hours));
            if (c.releasedHour >= hours) {
                c.releasedHour = null;
            }
        } else if (!prod && r < 0.24) {
            c.suspendedFromHour = Math.max(c.createdHour + 6, rnd.nextInt(hours));
            if (c.suspendedFromHour >= hours) {
                c.suspendedFromHour = null;
            }
        }
        if (c.officeHours) {
            scheduleActions(c);
        }
        if (c.releasedHour != null) {
            Action a = action(c, null, "RELEASE", "console", "RUNNING", "RELEASED", c.releasedHour);
            c.stateHistory.add(new StateChange(a.finishedAt(), "RUNNING", "RELEASED", null, a.actionId()));
            c.finalState = "RELEASED";
            c.nodes.forEach(n -> {
                n.state = "decommissioned";
                n.terminatedAt = a.finishedAt();
            });
        } else if (c.suspendedFromHour != null) {
            Action a = action(c, null, "SUSPEND", "console", "RUNNING", "SUSPENDED", c.suspendedFromHour);
            c.stateHistory.add(new StateChange(a.finishedAt(), "RUNNING", "SUSPENDED", null, a.actionId()));
            c.finalState = "SUSPENDED";
        } else if (c.officeHours && !c.runningAt(hours - 1, fleet.weekdayOfHour0)) {
            c.finalState = "SUSPENDED";
        }
        // Background upgrades and autoscaling that cause no incident.
        if (c.releasedHour == null && rnd.nextDouble() < 0.08) {
            String to = Catalog.UPGRADE_TARGETS.stream().filter(v -> v.compareTo(c.initialVersion) > 0).findFirst()
                    .orElse(null);
            int at = Math.max(c.createdHour + 1, rnd.nextInt(Math.max(1, hours)));
            if (to != null && at < hours) {
                upgrade(c, to, at, "console");
            }
        }
        if (c.elastic() && rnd.nextDouble() < 0.3) {
            Resource wh = c.computeResource();
            int base = wh.currentCount();
            for (int h = Math.max(0, c.createdHour) + 1 + rnd.nextInt(24); h < hours; h += 24 + rnd.nextInt(72)) {
                if (!c.runningAt(h, fleet.weekdayOfHour0)) {
                    continue;
                }
                int from = wh.countAt(h);
                int to = from > base ? base : base + 1 + rnd.nextInt(3);
                scale(c, wh, from, to, h, "autoscaler");
            }
        }
    }

    /** Suspend at 18:00 and resume at 08:00 local on weekdays, as idle schedules do. */
    private void scheduleActions(Cluster c) {
        int hours = fleet.hours;
        boolean running = c.runningAt(Math.max(0, c.createdHour), fleet.weekdayOfHour0);
        for (int h = Math.max(0, c.createdHour) + 1; h < hours; h++) {
            if (c.releasedHour != null && h >= c.releasedHour || c.suspendedFromHour != null && h >= c.suspendedFromHour) {
                break;
            }
            boolean now = c.runningAt(h, fleet.weekdayOfHour0);
            if (now != running) {
                String type = now ? "RESUME" : "SUSPEND";
                LocalDateTime at = fleet.timeOf(h);
                Action a = new Action(nextActionId(), null, type, "system", "schedule",
                        now ? "SUSPENDED" : "RUNNING", now ? "RUNNING" : "SUSPENDED", "Succeeded", null,
                        at.minusMinutes(now ? 4 : 0), at.plusMinutes(now ? 0 : 3));
                c.actions.add(a);
                c.stateHistory.add(new StateChange(a.finishedAt(), a.fromValue(), a.toValue(), null, a.actionId()));
                running = now;
            }
        }
    }

    void upgrade(Cluster c, String to, int hour, String source) {
        String from = c.versionAt(hour);
        Action a = action(c, null, "UPGRADE", source, from, to, hour);
        c.versionFrom.put(hour + 1, to);
        c.nodes.forEach(n -> {
            if (n.terminatedAt == null) {
                n.version = to;
                n.startedAt = a.finishedAt();
            }
        });
        c.stateHistory.add(new StateChange(a.startedAt(), "RUNNING", "UPDATING", null, a.actionId()));
        c.stateHistory.add(new StateChange(a.finishedAt(), "UPDATING", "RUNNING", null, a.actionId()));
    }

    Action scale(Cluster c, Resource r, int from, int to, int hour, String source) {
        Action a = action(c, r, to > from ? "SCALE_OUT" : "SCALE_IN", source, String.valueOf(from), String.valueOf(to), hour);
        r.countFrom.put(hour + 1, to);
        return a;
    }

    private void growth(Cluster c) {
        double r = rnd.nextDouble();
        c.diskGrowthPerDay = r < 0.7 ? rnd.nextDouble() * 0.3 : r < 0.9 ? 0.3 + rnd.nextDouble() * 0.5
                : 0.8 + rnd.nextDouble() * 1.2;
        c.cpuGrowthPerDay = rnd.nextDouble() < 0.08 ? 0.5 + rnd.nextDouble() : 0;
    }

    SplittableRandom random() {
        return rnd;
    }

    FleetModel fleet() {
        return fleet;
    }
}
