package dev.byocfleet.demo;

import static dev.byocfleet.metrics.CanonicalMetric.*;

import dev.byocfleet.metrics.CanonicalMetric;

/**
 * The value of every canonical metric of a cluster at any minute: a per-cluster baseline with
 * daily and weekly cycles, growth trends and noise, plus the footprint of each incident on the
 * cluster. Pure function of (cluster, minute): raw samples and hourly snapshots agree by
 * construction, and any slice can be computed on any thread.
 */
final class MetricModel {

    static final CanonicalMetric[] METRICS = CanonicalMetric.values();
    static final int COUNT = METRICS.length;

    private final FleetModel fleet;

    MetricModel(FleetModel fleet) {
        this.fleet = fleet;
    }

    /** Parameter {@code i} of a cluster, uniform in [0, 1), fixed for the cluster's life. */
    private static double p(FleetModel.Cluster c, int i) {
        return Noise.unit(Noise.hash(c.key, 7_919L * (i + 1)));
    }

    /** Activity in [0.25, 1]: office-hours peak around 14:00 local time, quieter at weekends. */
    double activity(FleetModel.Cluster c, long minute) {
        double localHour = ((minute / 60.0) + c.utcOffsetHours) % 24.0;
        if (localHour < 0) {
            localHour += 24;
        }
        double daily = 0.62 + 0.38 * Math.sin(2 * Math.PI * (localHour - 8) / 24.0);
        int day = Math.floorMod(fleet.weekdayOfHour0 + (int) Math.floorDiv(minute / 60 + c.utcOffsetHours, 24), 7);
        double weekly = day >= 5 ? 0.72 : 1.0;
        return Math.max(0.25, daily * weekly);
    }

    /** Fills {@code out} (indexed by {@link CanonicalMetric#ordinal()}) with the values at this minute. */
    void sample(FleetModel.Cluster c, long minute, double[] out) {
        double a = activity(c, minute);
        double days = Math.max(0, (minute - Math.max(0, c.createdHour) * 60L) / 1440.0);
        long nk = Noise.hash(c.key, minute);

        double cpuBase = 12 + 38 * p(c, 1);
        out[CPU_UTIL_PCT.ordinal()] = cpuBase * (0.45 + 0.75 * a) + c.cpuGrowthPerDay * days + 2.5 * g(nk, 1);
        out[MEM_UTIL_PCT.ordinal()] = 38 + 24 * p(c, 2) + 9 * a + 1.5 * g(nk, 2);
        out[DISK_USED_PCT.ordinal()] = diskStart(c) + c.diskGrowthPerDay * days + 0.15 * g(nk, 3);
        out[FE_ALIVE_RATIO.ordinal()] = 1.0;
        out[BE_ALIVE_RATIO.ordinal()] = 1.0;
        out[NODE_RESTARTS.ordinal()] = Noise.unit(Noise.hash(nk, 4)) < 0.0004 ? 1 : 0;
        double qpsBase = Math.exp(Math.log(2) + (Math.log(400) - Math.log(2)) * p(c, 3));
        out[QUERY_QPS.ordinal()] = qpsBase * a * (1 + 0.08 * g(nk, 5));
        double cpuPressure = Math.max(0, out[CPU_UTIL_PCT.ordinal()] - 60) / 40.0;
        out[QUERY_P99_MS.ordinal()] = (150 + 1100 * p(c, 4)) * (0.7 + 0.6 * a) * (1 + cpuPressure)
                * (1 + 0.12 * g(nk, 6));
        out[QUERY_ERROR_PCT.ordinal()] = 0.05 + 0.9 * p(c, 5) + 0.08 * Math.abs(g(nk, 7));
        out[QUERY_QUEUE_PENDING.ordinal()] = a > 0.97 && p(c, 6) > 0.8 ? Math.floor(2 * Noise.unit(Noise.hash(nk, 8))) : 0;
        out[CONNECTIONS.ordinal()] = Math.round((10 + 290 * p(c, 7)) * (0.5 + 0.7 * a) * (1 + 0.05 * g(nk, 9)));
        double loadBase = p(c, 8) < 0.2 ? 0 : 1_000 + 199_000 * p(c, 9) * p(c, 9);
        out[LOAD_ROWS_PER_S.ordinal()] = loadBase * (0.6 + 0.5 * a) * (1 + 0.1 * g(nk, 10));
        out[LOAD_FAIL_PCT.ordinal()] = loadBase == 0 ? 0 : 0.05 + 0.7 * p(c, 10) + 0.05 * Math.abs(g(nk, 11));
        out[TXN_RUNNING_MAX.ordinal()] = Math.round((5 + 195 * p(c, 11)) * (0.6 + 0.5 * a) * (1 + 0.1 * g(nk, 12)));
        double lagBase = p(c, 12) < 0.5 ? 0 : 500 + 29_500 * p(c, 13);
        out[ROUTINE_LOAD_LAG_MAX.ordinal()] = Math.round(lagBase * (0.5 + 0.8 * a) * (1 + 0.2 * Math.abs(g(nk, 13))));
        out[ROUTINE_LOAD_PAUSED.ordinal()] = 0;
        out[COMPACTION_SCORE_MAX.ordinal()] = (3 + 37 * p(c, 14)) * (0.8 + 0.4 * a) * (1 + 0.1 * g(nk, 14));
        out[TABLET_VERSIONS_MAX.ordinal()] = Math.round((30 + 270 * p(c, 15)) * (0.8 + 0.3 * a) * (1 + 0.05 * g(nk, 15)));
        out[FE_JVM_HEAP_PCT.ordinal()] = 30 + 28 * p(c, 16) + 10 * a + 2.5 * g(nk, 16);
        out[FE_GC_OLD_MS.ordinal()] = (50 + 750 * p(c, 17)) * (0.5 + a) * (1 + 0.3 * Math.abs(g(nk, 17)));
        double metaRate = 5 + 35 * p(c, 18);
        out[FE_META_LOG_COUNT.ordinal()] = Math.floor((minute * metaRate + 50_000 * p(c, 19)) % 50_000);
        out[FE_THREAD_COUNT.ordinal()] = Math.round(300 + 900 * p(c, 20) + 120 * a + 10 * g(nk, 18));
        out[CACHE_HIT_PCT.ordinal()] = c.elastic() ? 84 + 13 * p(c, 21) - 6 * (1 - a) + 1.2 * g(nk, 19) : Double.NaN;

        for (Incident incident : c.incidents) {
            Footprints.apply(incident, minute, out, nk);
        }
        clamp(out);
    }

    /** Disk use at the start: fast growers start low enough to be heading for, not past, exhaustion. */
    double diskStart(FleetModel.Cluster c) {
        double start = 18 + 52 * p(c, 22);
        double historyDays = fleet.hours / 24.0;
        double atEnd = start + c.diskGrowthPerDay * historyDays;
        return atEnd > 86 ? Math.max(5, 86 - c.diskGrowthPerDay * historyDays - 6 * p(c, 23)) : start;
    }

    private static double g(long h, int salt) {
        return Noise.gaussian(Noise.hash(h, salt));
    }

    private static void clamp(double[] out) {
        for (CanonicalMetric m : METRICS) {
            int i = m.ordinal();
            double v = out[i];
            if (Double.isNaN(v)) {
                continue;
            }
            v = Math.max(0, v);
            if ("%".equals(m.unit())) {
                v = Math.min(100, v);
            } else if ("ratio".equals(m.unit())) {
                v = Math.min(1, v);
            }
            out[i] = v;
        }
    }
}
