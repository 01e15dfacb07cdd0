package dev.byocfleet.analysis;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the forecast back-test at most a day of data old. Forecasts themselves follow each health
 * scoring pass (risk asks for them). No scheduler lock yet: see HealthSchedule.
 */
@Component
@ConditionalOnProperty(name = "byoc.analysis.schedule-enabled", havingValue = "true", matchIfMissing = true)
class AnalysisSchedule {

    private final AnalysisService analysis;
    private final ForecastRepository forecasts;

    AnalysisSchedule(AnalysisService analysis, ForecastRepository forecasts) {
        this.analysis = analysis;
        this.forecasts = forecasts;
    }

    @Scheduled(initialDelayString = "${byoc.analysis.schedule-initial-delay:PT3M}",
            fixedDelayString = "${byoc.analysis.schedule-interval:PT1H}")
    void backtestDaily() {
        forecasts.newestSnapshotHour().ifPresent(analysis::runBacktestIfStale);
    }
}
