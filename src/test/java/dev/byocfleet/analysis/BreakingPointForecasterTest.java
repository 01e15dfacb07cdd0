package dev.byocfleet.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.byocfleet.analysis.BreakingPointForecaster.Point;
import dev.byocfleet.analysis.BreakingPointForecaster.Result;
import dev.byocfleet.analysis.BreakingPointForecaster.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * Synthetic series with known slopes, daily cycles, outliers, flat lines and gaps. Hours count
 * back from "as of" (0 = the newest hour); daily peaks are the maxima of 24-hour blocks ending
 * at "as of", as the repository computes them.
 */
class BreakingPointForecasterTest {

    private static final double WARN = 80;
    private static final double CRIT = 90;
    private final BreakingPointForecaster forecaster =
            new BreakingPointForecaster(new BreakingPointForecaster.Settings(30, 5, 1.645, 12));
    private final SplittableRandom random = new SplittableRandom(7);

    /** {@code value(hoursAgo)} for the last {@code days} days, leaving out hours where {@code missing} holds. */
    private static List<Point> hourly(int days, IntToDoubleFunction value, IntPredicate missing) {
        List<Point> points = new ArrayList<>();
        for (int h = days * 24 - 1; h >= 0; h--) {
            if (!missing.test(h)) {
                points.add(new Point(-h, value.applyAsDouble(h)));
            }
        }
        return points;
    }

    private static List<Point> dailyPeaks(List<Point> hourly) {
        java.util.Map<Integer, Double> peaks = new java.util.TreeMap<>();
        for (Point p : hourly) {
            int block = (int) Math.floor(-p.x() / 24);
            peaks.merge(block, p.y(), Math::max);
        }
        return peaks.entrySet().stream().map(e -> new Point(-e.getKey(), e.getValue())).toList();
    }

    /** A daily cycle peaking mid-afternoon, amplitude {@code a}. */
    private static double cycle(int hoursAgo, double a) {
        return a * Math.sin(2 * Math.PI * (((-hoursAgo) % 24 + 24) % 24 - 8) / 24.0);
    }

    private Result forecast(List<Point> hourly) {
        return forecaster.forecast(WARN, CRIT, dailyPeaks(hourly), hourly);
    }

    @Test
    void aSteadyClimbWithADailyCycleAndNoiseBreachesWhenItsPeaksReachTheThreshold() {
        // peaks at 70 + 6 = 76 today, rising 1 point a day: warning in 4 days, critical in 14
        List<Point> h = hourly(14, t -> 70 - t / 24.0 + cycle(t, 6) + random.nextGaussian() * 0.5, t -> false);
        Result r = forecast(h);
        assertThat(r.status()).isEqualTo(Status.BREACH);
        assertThat(r.fit().method()).isEqualTo(BreakingPointForecaster.DAILY_METHOD);
        assertThat(r.fit().slopePerDay()).isCloseTo(1.0, offset(0.15));
        assertThat(r.crit().days()).isCloseTo(14, offset(1.5));
        assertThat(r.warn().days()).isCloseTo(4, offset(1.0));
        assertThat(r.crit().earliestDays()).isLessThanOrEqualTo(r.crit().days());
        assertThat(r.crit().latestDays()).isGreaterThanOrEqualTo(r.crit().days());
        assertThat(r.fit().quality()).isGreaterThan(0.8);
    }

    @Test
    void aFlatLineWithNoiseNeverBreaches() {
        List<Point> h = hourly(14, t -> 60 + cycle(t, 8) + random.nextGaussian() * 1.5, t -> false);
        Result r = forecast(h);
        assertThat(r.status()).isEqualTo(Status.NO_BREACH);
        assertThat(r.crit().days()).isNull();
        assertThat(r.warn().status()).isEqualTo(Status.NO_BREACH);
    }

    @Test
    void aFallingLineNeverBreaches() {
        Result r = forecast(hourly(14, t -> 60 + t / 24.0 * 2, t -> false));
        assertThat(r.status()).isEqualTo(Status.NO_BREACH);
        assertThat(r.fit().slopePerDay()).isCloseTo(-2, offset(0.01));
    }

    @Test
    void outlyingDaysDoNotBendTheTrend() {
        // 0.5 a day from 78 (critical in 24 days); three days spike to 99 (batch loads) but the newest does not
        List<Point> h = hourly(14, t -> {
            int day = t / 24;
            return (day == 3 || day == 7 || day == 11) && t % 24 == 12 ? 99 : 78 - t / 48.0;
        }, t -> false);
        Result r = forecast(h);
        assertThat(r.status()).isEqualTo(Status.BREACH);
        assertThat(r.fit().slopePerDay()).isCloseTo(0.5, offset(0.05));
        assertThat(r.crit().days()).isCloseTo(24, offset(1.0));
    }

    @Test
    void gapsOfWholeDaysAndNightsLeaveTheSlopeIntact() {
        // a cluster suspended at night and on days 2, 5, 8, 9 of the lookback: 1.5 a day from 75
        List<Point> h = hourly(14, t -> 75 - 1.5 * t / 24.0,
                t -> t % 24 >= 14 || List.of(2, 5, 8, 9).contains(t / 24));
        Result r = forecast(h);
        assertThat(dailyPeaks(h)).hasSize(10);
        assertThat(r.status()).isEqualTo(Status.BREACH);
        assertThat(r.crit().days()).isCloseTo(10, offset(0.7));
    }

    @Test
    void tooFewDaysIsInsufficientData() {
        Result r = forecast(hourly(3, t -> 85 - t, t -> false));
        assertThat(r.status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(r.fit()).isNull();
        assertThat(r.current()).isEqualTo(85.0);
    }

    @Test
    void aPeakAlreadyOverTheThresholdIsBreached() {
        Result r = forecast(hourly(10, t -> t < 5 ? 93 : 70, t -> false));
        assertThat(r.status()).isEqualTo(Status.BREACHED);
        assertThat(r.crit().days()).isZero();
        assertThat(r.warn().status()).isEqualTo(Status.BREACHED);
    }

    @Test
    void aFillThatStartedHoursAgoIsForecastFromTheRecentRamp() {
        // flat at 55 for two weeks, then +2.5 points an hour for the last 8 hours: 75 now, 90 in 6 hours
        List<Point> h = hourly(14, t -> (t < 8 ? 55 + 2.5 * (8 - t) : 55) + random.nextGaussian() * 0.15, t -> false);
        Result r = forecast(h);
        assertThat(r.status()).isEqualTo(Status.BREACH);
        assertThat(r.fit().method()).isEqualTo(BreakingPointForecaster.RECENT_METHOD);
        assertThat(r.daily().slopePerDay()).isCloseTo(0, offset(0.2));
        assertThat(r.crit().days() * 24).isBetween(4.0, 12.0);
        assertThat(r.warn().days() * 24).isBetween(1.0, 5.0);
    }

    @Test
    void anOrdinaryBusyAfternoonIsNotARamp() {
        // weekdays peak at 84 and weekends at 70; the newest hours are a normal weekday climb
        List<Point> h = hourly(14, t -> {
            int day = Math.floorMod(-t / 24, 7);
            double peak = day >= 5 ? 10 : 24;
            return 60 + cycle(t, peak) + random.nextGaussian();
        }, t -> false);
        Result r = forecast(h);
        assertThat(r.fit().method()).isEqualTo(BreakingPointForecaster.DAILY_METHOD);
        assertThat(r.status()).isIn(Status.NO_BREACH, Status.BREACHED);
        assertThat(forecaster.recentRamp(h)).isNull();
    }

    @Test
    void withoutHourlyValuesOnlyTheDailyTrendIsUsed() {
        List<Point> h = hourly(14, t -> t < 8 ? 55 + 2.5 * (8 - t) : 55, t -> false);
        Result r = forecaster.forecast(WARN, CRIT, dailyPeaks(h), null);
        assertThat(r.fit().method()).isEqualTo(BreakingPointForecaster.DAILY_METHOD);
        assertThat(r.status()).isEqualTo(Status.NO_BREACH);
    }

    @Test
    void theIntervalWidensWithNoise() {
        List<Point> quiet = hourly(14, t -> 70 - t / 24.0 + random.nextGaussian() * 0.2, t -> false);
        List<Point> noisy = hourly(14, t -> 70 - t / 24.0 + random.nextGaussian() * 3, t -> false);
        Result a = forecast(quiet);
        Result b = forecast(noisy);
        double widthA = a.crit().latestDays() - a.crit().earliestDays();
        double widthB = (b.crit().latestDays() == null ? 1e9 : b.crit().latestDays()) - b.crit().earliestDays();
        assertThat(widthB).isGreaterThan(widthA);
    }
}
