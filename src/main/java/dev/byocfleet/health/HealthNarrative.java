package dev.byocfleet.health;

import dev.byocfleet.health.HealthDiff.DimensionChange;
import dev.byocfleet.health.HealthDiff.FactorChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Plain-language reasons for a score, and the difference of two explanations. Pure. */
final class HealthNarrative {

    /** Changes smaller than this are rounding, not a change. */
    static final double MIN_CHANGE = 0.05;

    private HealthNarrative() {
    }

    static String headline(HealthScore s) {
        if (!s.hasScore()) {
            String reason = s.explanation().noDataReason();
            return "No score: " + (reason == null ? "no data in the window" : reason) + ".";
        }
        String head = "Score " + num(s.score()) + " (" + s.status() + ")";
        List<Map.Entry<String, DimensionScore>> costly = s.explanation().dimensions().entrySet().stream()
                .filter(e -> e.getValue().pointsLost() > 0)
                .sorted(Comparator.comparingDouble((Map.Entry<String, DimensionScore> e) -> e.getValue().pointsLost())
                        .reversed())
                .limit(2).toList();
        if (costly.isEmpty()) {
            return head + ": every checked metric is inside its band and no alert is firing.";
        }
        return head + ": most points lost to " + costly.stream()
                .map(e -> e.getKey() + " (-" + num(e.getValue().pointsLost()) + ")")
                .collect(Collectors.joining(" and ")) + ".";
    }

    static String reason(Factor f) {
        String cost = " (-" + num(f.pointsLost()) + " points)";
        return switch (f.metric()) {
            case HealthProperties.CLUSTER_STATE -> "The cluster is " + f.detail() + " in the control plane" + cost + ".";
            case HealthProperties.ALERTS_CRITICAL, HealthProperties.ALERTS_WARNING -> {
                int n = f.value() == null ? 0 : f.value().intValue();
                yield n + " " + f.band() + " alert" + (n == 1 ? "" : "s") + " firing in the window: " + f.detail() + cost + ".";
            }
            default -> {
                boolean lower = "lower_is_worse".equals(f.direction());
                yield f.metric() + (lower ? " fell to " : " reached ") + value(f.value(), f.unit()) + " ("
                        + f.band() + "; warning " + (lower ? "<= " : ">= ") + value(f.warn(), f.unit())
                        + ", critical " + (lower ? "<= " : ">= ") + value(f.crit(), f.unit()) + "), beyond warning "
                        + f.hoursBad() + " of " + f.hours() + " h" + (f.hoursCrit() > 0 ? ", critical " + f.hoursCrit() + " h" : "")
                        + cost + ".";
            }
        };
    }

    static HealthDiff diff(String clusterId, HealthScore from, HealthScore to) {
        Map<String, Factor> before = byKey(from.explanation().factors());
        Map<String, Factor> after = byKey(to.explanation().factors());
        Set<String> keys = new LinkedHashSet<>(after.keySet());
        keys.addAll(before.keySet());
        List<FactorChange> worse = new ArrayList<>();
        List<FactorChange> better = new ArrayList<>();
        for (String key : keys) {
            Factor a = before.get(key);
            Factor b = after.get(key);
            double lostA = a == null ? 0 : a.pointsLost();
            double lostB = b == null ? 0 : b.pointsLost();
            double change = HealthScorer.round1(lostB - lostA);
            if (Math.abs(change) < MIN_CHANGE) {
                continue;
            }
            Factor any = b != null ? b : a;
            FactorChange fc = new FactorChange(any.dimension(), any.metric(), any.unit(),
                    a == null ? null : a.value(), b == null ? null : b.value(), lostA, lostB, change, changeText(a, b, change));
            (change > 0 ? worse : better).add(fc);
        }
        Comparator<FactorChange> bySize = Comparator.comparingDouble((FactorChange c) -> Math.abs(c.pointsChange())).reversed();
        worse.sort(bySize);
        better.sort(bySize);
        List<DimensionChange> dims = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(to.explanation().dimensions().keySet());
        names.addAll(from.explanation().dimensions().keySet());
        for (String d : names) {
            double x = lost(from.explanation().dimensions().get(d));
            double y = lost(to.explanation().dimensions().get(d));
            dims.add(new DimensionChange(d, x, y, HealthScorer.round1(y - x)));
        }
        Double scoreChange = from.hasScore() && to.hasScore() ? HealthScorer.round1(to.score() - from.score()) : null;
        return new HealthDiff(clusterId, new HealthDiff.End(from.scoredAt(), from.score(), from.status()),
                new HealthDiff.End(to.scoredAt(), to.score(), to.status()), scoreChange, worse, better, dims,
                summary(from, to, scoreChange, worse, better));
    }

    private static String summary(HealthScore from, HealthScore to, @Nullable Double change, List<FactorChange> worse,
                                  List<FactorChange> better) {
        String span = " between " + from.scoredAt() + " and " + to.scoredAt();
        if (change == null) {
            return "Status went from " + from.status() + " to " + to.status() + span + ".";
        }
        String head = change < 0 ? "Score fell " + num(-change) + " points"
                : change > 0 ? "Score rose " + num(change) + " points" : "Score unchanged";
        head += " (" + num(from.score()) + " -> " + num(to.score()) + ")" + span;
        List<FactorChange> main = change < 0 ? worse : better;
        if (main.isEmpty()) {
            main = change < 0 ? better : worse;
        }
        if (main.isEmpty()) {
            return head + "; no factor changed.";
        }
        return head + ": mainly " + main.stream().limit(3)
                .map(c -> c.metric() + " (" + (c.pointsChange() > 0 ? "-" : "+") + num(Math.abs(c.pointsChange())) + ")")
                .collect(Collectors.joining(", ")) + ".";
    }

    private static String changeText(@Nullable Factor a, @Nullable Factor b, double change) {
        Factor any = b != null ? b : a;
        String pts = num(Math.abs(change)) + (change > 0 ? " more" : " fewer") + " points lost";
        if (a == null) {
            return any.metric() + " went outside its band (" + value(b.value(), b.unit()) + ", " + b.band() + "): " + pts + ".";
        }
        if (b == null) {
            return any.metric() + " is back inside its band (was " + value(a.value(), a.unit()) + "): " + pts + ".";
        }
        return any.metric() + " went from " + value(a.value(), a.unit()) + " to " + value(b.value(), b.unit())
                + " (" + b.band() + ", " + b.hoursBad() + " h beyond warning): " + pts + ".";
    }

    private static Map<String, Factor> byKey(List<Factor> factors) {
        Map<String, Factor> m = new LinkedHashMap<>();
        for (Factor f : factors) {
            m.put(f.dimension() + "/" + f.metric(), f);
        }
        return m;
    }

    private static double lost(@Nullable DimensionScore d) {
        return d == null ? 0 : d.pointsLost();
    }

    private static String value(@Nullable Double v, @Nullable String unit) {
        if (v == null) {
            return "-";
        }
        String u = unit == null || unit.equals("count") ? "" : unit.equals("%") ? " %" : " " + unit;
        return num(v) + u;
    }

    static String num(@Nullable Double v) {
        if (v == null) {
            return "-";
        }
        double r = Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 10) / 10.0;
        return Decimals.tenths(r);
    }
}
