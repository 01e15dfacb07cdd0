package dev.byocfleet.ingest.lark;

import java.time.Duration;

/**
 * Lark answered with an error, or could not be reached. {@link Temporary} is worth retrying (429,
 * 5xx, rate-limit code, transport failure, malformed body); {@link Permanent} is not (bad
 * credentials, missing scope, bot not in the chat, invalid parameters). Messages carry Lark's code,
 * message and log id, never a token or secret.
 */
public abstract sealed class LarkApiException extends RuntimeException
        permits LarkApiException.Temporary, LarkApiException.Permanent {

    private final int httpStatus;
    private final Integer code;

    LarkApiException(String message, int httpStatus, Integer code, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Lark's {@code code}, or null when the body had none. */
    public Integer code() {
        return code;
    }

    public static final class Temporary extends LarkApiException {
        private final Duration retryAfter;

        Temporary(String message, int httpStatus, Integer code, Duration retryAfter, Throwable cause) {
            super(message, httpStatus, code, cause);
            this.retryAfter = retryAfter;
        }

        /** Lark's own hint ({@code x-ogw-ratelimit-reset}), or null. */
        public Duration retryAfter() {
            return retryAfter;
        }
    }

    public static final class Permanent extends LarkApiException {
        Permanent(String message, int httpStatus, Integer code) {
            super(message, httpStatus, code, null);
        }
    }
}
