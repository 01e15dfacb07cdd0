package dev.byocfleet.health;

import java.util.Locale;

/** Numbers in explanation texts, written without a {@link java.util.Formatter} (thousands per fleet pass). */
public final class Decimals {

    private Decimals() {
    }

    /**
     * {@code rounded} (a value already rounded to tenths) as {@code String.format(Locale.ROOT, "%.0f")}
     * writes it when it is whole, else as {@code "%.1f"} does.
     */
    public static String tenths(double rounded) {
        if (Math.abs(rounded) < 1e14) {
            long tenths = Math.round(rounded * 10);
            long whole = Math.abs(tenths) / 10;
            long tenth = Math.abs(tenths) % 10;
            String sign = tenths < 0 ? "-" : "";
            return tenth == 0 ? sign + whole : sign + whole + "." + tenth;
        }
        return rounded == Math.rint(rounded) ? String.format(Locale.ROOT, "%.0f", rounded)
                : String.format(Locale.ROOT, "%.1f", rounded);
    }
}
