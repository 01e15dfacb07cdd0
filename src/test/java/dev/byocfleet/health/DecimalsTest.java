package dev.byocfleet.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    private static String formatted(double r) {
        return r == Math.rint(r) ? String.format(Locale.ROOT, "%.0f", r) : String.format(Locale.ROOT, "%.1f", r);
    }

    @Test
    void explanationNumbersReadAsTheFormatsWroteThem() {
        Random random = new Random(11);
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 0.04, -0.04, 0.05, -0.05, 0.95, -0.95, 99.94, 99.96,
                100.0, 100.5, -100.5, 149.5, 1e13 + 0.5, 1e14, -1e15, 1e300, -1e300, Double.NaN));
        for (int i = 0; i < 20_000; i++) {
            values.add((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(9)));
        }
        for (double v : values) {
            double tenths = Math.round(v * 10) / 10.0;
            assertThat(Decimals.tenths(tenths)).as("%s", v).isEqualTo(formatted(tenths));
            double health = Math.abs(v) >= 100 ? Math.round(v) : tenths;
            assertThat(HealthNarrative.num(v)).as("%s", v).isEqualTo(formatted(health));
        }
        assertThat(HealthNarrative.num(null)).isEqualTo("-");
    }
}
