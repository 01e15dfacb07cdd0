package dev.byocfleet.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import dev.byocfleet.store.StoreAvailability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Verifying a token reads the user's row (their current role and status), which happens in the
 * security filters, before Spring MVC and so outside {@link ApiExceptionHandler}. When the store is
 * down there, the caller gets the same 503 with Retry-After as from a controller, not a 500.
 */
class StoreFailureFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StoreFailureFilter.class);

    private final ObjectProvider<StoreAvailability> store;

    StoreFailureFilter(ObjectProvider<StoreAvailability> store) {
        this.store = store;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (DataAccessResourceFailureException | CannotCreateTransactionException e) {
            if (response.isCommitted()) {
                throw e;
            }
            log.warn("store unavailable while checking the caller of {} {}: {}", request.getMethod(),
                    request.getRequestURI(), e.getMessage());
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, ApiExceptionHandler.RETRY_AFTER_SECONDS);
            ProblemResponses.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
                    ApiExceptionHandler.storeUnavailableDetail(store));
        }
    }
}
