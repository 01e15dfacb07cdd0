package dev.byocfleet.risk;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One part of a risk score, stored like the health explanation.
 *
 * @param kind    health, no_data, trend, capacity, issues
 * @param points  before the tier multiplier
 * @param value   the health score, its 24 h change, days to the crossing, or the issue count
 * @param metric  the capacity metric for kind capacity
 * @param text    the factor as a sentence
 * @param reasons for kind health: the costliest health factors as sentences
 */
public record RiskFactor(String kind, double points, @Nullable Double value, @Nullable String metric, String text,
                         List<String> reasons) {
}
