package dev.byocfleet.demo;

import dev.byocfleet.demo.FleetModel.Cluster;
import dev.byocfleet.demo.FleetModel.Resource;
import dev.byocfleet.store.Dialect;
import dev.byocfleet.store.TableWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.TreeMap;

/**
 * CCU billing consistent with node counts and uptime: one {@code bill_detail} row per running
 * hour, cluster and resource with CCU = nodes x rate x uptime; weekly rollups per cluster and
 * monthly orders per organization are sums of those rows.
 */
final class BillingWriter {

    private final FleetModel fleet;
    private final Dialect dialect;

    BillingWriter(FleetModel fleet, Dialect dialect) {
        this.fleet = fleet;
        this.dialect = dialect;
    }

    /** Per-week (or per-month) sums of one cluster or org. */
    private static final class Totals {
        double ccu;
        double ccuAfter;
        double usd;
        double runningHours;
        double suspendedHours;
        double nodeHours;
        int peakNodes;
    }

    void write(Connection c, Map<String, Long> counts) throws SQLException {
        Map<String, Map<YearMonth, Totals>> monthly = new TreeMap<>();
        try (TableWriter bills = dialect.openWriter(c, "byoc", "bill_detail", 14);
             TableWriter weeks = dialect.openWriter(c, "byoc", "ccu_weekly_rollup", 11)) {
            for (Cluster cl : fleet.clusters) {
                double discount = "contract".equals(cl.org.paymentType())
                        ? 0.15 + 0.10 * Noise.unit(Noise.key(cl.org.orgId())) : 0;
                TreeMap<LocalDate, Totals> weekly = new TreeMap<>();
                for (int h = Math.max(0, cl.createdHour); h < fleet.hours; h++) {
                    if (cl.releasedHour != null && h >= cl.releasedHour) {
                        break;
                    }
                    LocalDateTime at = fleet.timeOf(h);
                    LocalDate week = at.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    Totals wk = weekly.computeIfAbsent(week, k -> new Totals());
                    if (!cl.runningAt(h, fleet.weekdayOfHour0)) {
                        wk.suspendedHours++;
                        continue;
                    }
                    // The hour a cluster is created in is billed from its creation minute.
                    double uptime = h == cl.createdHour
                            ? FleetTables.dec((60 - cl.createdAt.getMinute()) / 60.0, 4).doubleValue() : 1.0;
                    BigDecimal usdRate = at.toLocalDate().isBefore(FleetTables.PRICE_CHANGE)
                            ? FleetTables.USD_PER_CCU_BEFORE_2025_07 : FleetTables.USD_PER_CCU;
                    int nodes = 0;
                    Totals month = monthly.computeIfAbsent(cl.org.orgId(), k -> new TreeMap<>())
                            .computeIfAbsent(YearMonth.from(at), k -> new Totals());
                    for (Resource r : cl.resources) {
                        int count = r.countAt(h);
                        nodes += count;
                        double rate = FleetTables.dec(FleetTables.ccuPerHour(r.instanceType, r.nodeType), 4).doubleValue();
                        double ccu = count * rate * uptime;
                        double after = ccu * (1 - discount);
                        double usd = after * usdRate.doubleValue();
                        bills.row(at.toLocalDate(), (byte) at.getHour(), cl.org.orgId(), cl.account.accountId(), cl.clusterId,
                                r.resourceId, r.nodeType, r.instanceType.name(), count, FleetTables.dec(uptime, 4),
                                FleetTables.dec(rate, 4), FleetTables.dec(ccu, 6), FleetTables.dec(after, 6),
                                FleetTables.dec(usd, 6));
                        wk.ccu += ccu;
                        wk.usd += usd;
                        month.ccu += ccu;
                        month.ccuAfter += after;
                        month.usd += usd;
                    }
                    wk.runningHours += uptime;
                    wk.nodeHours += nodes * uptime;
                    wk.peakNodes = Math.max(wk.peakNodes, nodes);
                }
                Double previous = null;
                for (var e : weekly.entrySet()) {
                    Totals t = e.getValue();
                    BigDecimal wow = previous == null || previous == 0 ? null
                            : FleetTables.dec((t.ccu - previous) / previous * 100, 2);
                    weeks.row(e.getKey(), cl.clusterId, cl.org.orgId(), cl.account.accountId(),
                            FleetTables.dec(t.ccu, 6), FleetTables.dec(t.usd, 6), FleetTables.dec(t.runningHours, 2),
                            FleetTables.dec(t.suspendedHours, 2),
                            FleetTables.dec(t.runningHours == 0 ? 0 : t.nodeHours / t.runningHours, 2), t.peakNodes, wow);
                    previous = t.ccu;
                }
            }
            bills.close();
            weeks.close();
            counts.merge("byoc.bill_detail", bills.rowsWritten(), Long::sum);
            counts.merge("byoc.ccu_weekly_rollup", weeks.rowsWritten(), Long::sum);
        }
        orders(c, monthly, counts);
    }

    private void orders(Connection c, Map<String, Map<YearMonth, Totals>> monthly, Map<String, Long> counts)
            throws SQLException {
        YearMonth current = YearMonth.from(fleet.end.minusSeconds(1));
        try (TableWriter w = dialect.openWriter(c, "byoc", "billing_order", 11)) {
            for (var org : fleet.orgs) {
                Map<YearMonth, Totals> months = monthly.getOrDefault(org.orgId(), Map.of());
                for (var e : months.entrySet()) {
                    YearMonth ym = e.getKey();
                    Totals t = e.getValue();
                    boolean open = ym.equals(current);
                    LocalDateTime issued = open ? null : ym.plusMonths(1).atDay(1).atTime(2, 0);
                    boolean overdue = !open && Noise.unit(Noise.hash(Noise.key(org.orgId()), ym.hashCode())) < 0.04;
                    String status = open ? "open" : overdue ? "overdue" : "paid";
                    double balanceCost = "contract".equals(org.paymentType()) ? t.ccuAfter : 0;
                    w.row("ord-" + FleetTables.hex(Noise.key(org.orgId()), ym.toString(), 12), org.orgId(),
                            ym.toString(), FleetTables.dec(t.ccu, 2), FleetTables.dec(t.ccuAfter, 2),
                            FleetTables.dec(balanceCost, 2), FleetTables.dec(t.usd, 2), org.paymentType(), status,
                            issued, "paid".equals(status) ? issued.plusDays(12) : null);
                }
            }
            w.close();
            counts.merge("byoc.billing_order", w.rowsWritten(), Long::sum);
        }
    }
}
