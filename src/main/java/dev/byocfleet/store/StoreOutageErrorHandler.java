package dev.byocfleet.store;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.scheduling.support.TaskUtils;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.ErrorHandler;

/**
 * Scheduled jobs while the store is unavailable: a job that needs it fails at once (no connection is
 * handed out), and instead of a stack trace per job and tick this logs one line when the reason
 * changes; everything else goes to Spring's default handler (logged with its stack trace).
 */
final class StoreOutageErrorHandler implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(StoreOutageErrorHandler.class);

    private final StoreAvailability store;
    private String lastLogged = "";

    StoreOutageErrorHandler(StoreAvailability store) {
        this.store = store;
    }

    @Override
    public void handleError(Throwable failure) {
        if (!isStoreOutage(failure)) {
            TaskUtils.LOG_AND_SUPPRESS_ERROR_HANDLER.handleError(failure);
            return;
        }
        String reason = store.problem().orElseGet(() -> String.valueOf(failure.getMessage()));
        boolean changed;
        synchronized (this) {
            changed = !Objects.equals(lastLogged, reason);
            lastLogged = reason;
        }
        if (changed) {
            log.warn("scheduled jobs skip their work while the store is unavailable ({}); logged once per reason", reason);
        } else {
            log.debug("scheduled job skipped, the store is unavailable: {}", failure.toString());
        }
    }

    static boolean isStoreOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }

    /** Installs the handler on whichever scheduler Spring Boot builds (virtual threads or a pool). */
    @Configuration(proxyBeanMethods = false)
    static class Install {

        @Bean
        SimpleAsyncTaskSchedulerCustomizer storeOutageOnSimpleScheduler(StoreAvailability store) {
            return scheduler -> scheduler.setErrorHandler(new StoreOutageErrorHandler(store));
        }

        @Bean
        ThreadPoolTaskSchedulerCustomizer storeOutageOnPooledScheduler(StoreAvailability store) {
            return scheduler -> scheduler.setErrorHandler(new StoreOutageErrorHandler(store));
        }
    }
}
