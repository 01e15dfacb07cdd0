package dev.byocfleet.llm;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A model call that failed, typed by what the caller should do about it. Messages carry the
 * provider's error type and message, never the key, the URL or the prompt.
 */
public class LlmException extends RuntimeException {

    /** What went wrong; {@link #retryable()} follows from it. */
    public enum Kind {
        /** 429 rate limit: retry after the provider's retry-after. */
        RATE_LIMITED(true),
        /** 529 or an overloaded_error event: retry with backoff. */
        OVERLOADED(true),
        /** other 5xx, 408, 409: retry with backoff. */
        SERVER_ERROR(true),
        /** connection refused, reset or timed out: retry with backoff. */
        TRANSPORT(true),
        /** 401, 403: the key is wrong or lacks access; retrying cannot help. */
        AUTH(false),
        /** out of credit or a spend limit reached (a 429 that is not a rate limit). */
        QUOTA(false),
        /** 400, 404, 413, 422: the request itself is refused. */
        BAD_REQUEST(false),
        /** a 2xx whose body could not be understood. */
        MALFORMED_RESPONSE(false),
        /** no provider configured. */
        NOT_CONFIGURED(false),
        /** the caller cancelled. */
        CANCELLED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private final Kind kind;
    private final @Nullable Integer status;
    private final @Nullable Duration retryAfter;

    public LlmException(Kind kind, @Nullable Integer status, @Nullable Duration retryAfter, String message) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public @Nullable Integer status() {
        return status;
    }

    /** The provider's retry-after, when it sent one. */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    public boolean retryable() {
        return kind.retryable;
    }
}
