package dev.byocfleet.settings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Requests and answers of the notification channel API. Secrets go in, never out. */
public final class ChannelMessages {

    private ChannelMessages() {
    }

    /**
     * A channel to create or replace.
     *
     * @param url         the webhook URL; write-only (a Lark hook URL is itself a credential).
     *                    Required on create; on update, left out keeps the stored one
     * @param secret      Lark: the bot's signing secret; webhook: the bearer token or HMAC key.
     *                    Write-only; on update, left out keeps it and an empty string removes it
     * @param auth        webhook only: {@code none} (default), {@code bearer} or {@code hmac}
     * @param minSeverity the least severe alerts it receives: {@code critical}, {@code warning} or
     *                    {@code info} (default: all)
     */
    public record ChannelRequest(@NotBlank @Size(max = 256) String name, @NotNull ChannelKind kind,
                                 @Size(max = 2048) String url, @Size(max = 1024) String secret,
                                 @Size(max = 16) String auth, Boolean enabled, @Size(max = 16) String minSeverity) {
        @Override
        public String toString() {
            return "ChannelRequest[name=" + name + ", kind=" + kind + "]";
        }
    }

    /**
     * A channel as the API shows it.
     *
     * @param urlHint   scheme and host of the URL only ({@code https://open.feishu.cn/…})
     * @param auth      {@code none}, {@code sign} (Lark with a signing secret), {@code bearer} or {@code hmac}
     * @param hasSecret   whether a usable secret is stored; the secret itself is never returned
     * @param secretState {@code none}, {@code stored}, or {@code unreadable}: the stored URL or secret
     *                    cannot be decrypted with the current key (or was changed), and {@code problem}
     *                    says which and that the channel must be saved again with its url and secret
     * @param problem     why the credentials cannot be used, or null
     */
    public record ChannelView(String channelId, String name, ChannelKind kind, String urlHint, String auth,
                              boolean hasSecret, String secretState, @Nullable String problem, boolean enabled,
                              String minSeverity, Instant createdAt, Instant updatedAt) {}

    /**
     * What a test message met.
     *
     * @param retryable  for a failure: whether it is temporary (timeout, 429, 5xx, Lark's rate limit)
     * @param httpStatus the receiver's status, when it answered
     * @param code       the receiver's own code from the body (Lark), when it sent one
     */
    public record ChannelTestResult(boolean delivered, boolean retryable, Integer httpStatus, Integer code,
                                    String detail) {}
}
