package dev.byocfleet.ingest.lark;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Lark (or Feishu) Open API app that reads the alert chat, and how the daily pipeline runs.
 *
 * @param baseUrl         {@code https://open.larksuite.com} (Lark) or {@code https://open.feishu.cn} (Feishu)
 * @param appId           self-built app id ({@code LARK_APP_ID})
 * @param appSecret       its secret ({@code LARK_APP_SECRET}); never logged
 * @param alertChatId     the alert chat ({@code LARK_ALERT_CHAT_ID}, {@code oc_...})
 * @param cron            when the daily run starts ({@code BYOC_LARK_CRON}, UTC); it reads the previous UTC day
 * @param pageSize        items per list call, 1 to 50
 * @param maxAttempts     tries per call when Lark answers 429, 5xx, a rate-limit code or a malformed body
 * @param initialBackoff  first wait between tries, doubled each time
 * @param maxBackoff      longest wait between tries, also the cap on Lark's own reset hint
 * @param requestTimeout  per HTTP request
 * @param tokenMargin     a cached tenant token is renewed this long before it expires
 * @param catchUpDays     the daily run also re-runs failed windows of this many past days
 */
@ConfigurationProperties("byoc.lark")
public record LarkProperties(String baseUrl, String appId, String appSecret, String alertChatId, String cron,
                             Integer pageSize, Integer maxAttempts, Duration initialBackoff, Duration maxBackoff,
                             Duration requestTimeout, Duration tokenMargin, Integer catchUpDays) {

    public LarkProperties {
        baseUrl = blank(baseUrl) ? "https://open.larksuite.com" : baseUrl.replaceAll("/+$", "");
        cron = blank(cron) ? "0 30 1 * * *" : cron;
        pageSize = pageSize == null ? 50 : Math.max(1, Math.min(50, pageSize));
        maxAttempts = maxAttempts == null ? 5 : Math.max(1, maxAttempts);
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
        tokenMargin = tokenMargin == null ? Duration.ofMinutes(10) : tokenMargin;
        catchUpDays = catchUpDays == null ? 7 : Math.max(0, catchUpDays);
    }

    /** Whether an app and a chat are configured, so the pipeline can run. */
    public boolean configured() {
        return !blank(appId) && !blank(appSecret) && !blank(alertChatId);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Without the secret: records print every component, and properties end up in logs. */
    @Override
    public String toString() {
        return "LarkProperties[baseUrl=" + baseUrl + ", appId=" + appId + ", appSecret=" + (blank(appSecret) ? "" : "***")
                + ", alertChatId=" + alertChatId + ", cron=" + cron + ", pageSize=" + pageSize + "]";
    }
}
