package dev.byocfleet.agents;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The agents' schedule: the Sentinel every 15 minutes, then the Investigator over the tasks it
 * opened; the Patrol twice a day. Each job holds a ShedLock lock on {@code alerts.scheduler_locks},
 * so replicas on one store never run a job twice at once.
 */
@Configuration
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class AgentSchedule {

    private static final Logger log = LoggerFactory.getLogger(AgentSchedule.class);

    @Bean
    LockProvider storeLockProvider(SchedulerLockRepository locks) {
        return new StoreLockProvider(locks, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnProperty(name = "byoc.agents.schedule-enabled", havingValue = "true", matchIfMissing = true)
    Jobs agentJobs(Sentinel sentinel, Investigator investigator, Patrol patrol, AgentsProperties props) {
        return new Jobs(sentinel, investigator, patrol, props);
    }

    /** The scheduled methods (a separate bean, so the lock's proxy wraps them). */
    static class Jobs {
        private final Sentinel sentinel;
        private final Investigator investigator;
        private final Patrol patrol;
        private final AgentsProperties props;

        Jobs(Sentinel sentinel, Investigator investigator, Patrol patrol, AgentsProperties props) {
            this.sentinel = sentinel;
            this.investigator = investigator;
            this.patrol = patrol;
            this.props = props;
        }

        @Scheduled(initialDelayString = "${byoc.agents.sentinel-initial-delay:PT2M}",
                fixedDelayString = "${byoc.agents.sentinel-interval:PT15M}")
        @SchedulerLock(name = "sentinel", lockAtLeastFor = "PT1M")
        public void sentinelThenInvestigator() {
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            try {
                sentinel.run(now);
                investigator.runPending(now, props.investigateBatch(), null);
            } catch (RuntimeException e) {
                log.warn("sentinel pass failed: {}", e.getMessage());
            }
        }

        @Scheduled(cron = "${byoc.agents.patrol-cron:0 0 6,18 * * *}", zone = "UTC")
        @SchedulerLock(name = "patrol", lockAtLeastFor = "PT1M")
        public void patrol() {
            try {
                patrol.run(LocalDateTime.now(ZoneOffset.UTC), "schedule");
            } catch (RuntimeException e) {
                log.warn("patrol failed: {}", e.getMessage());
            }
        }
    }
}
