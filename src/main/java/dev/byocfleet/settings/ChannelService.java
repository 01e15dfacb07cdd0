package dev.byocfleet.settings;

import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.api.NotFoundException;
import dev.byocfleet.auth.AccessGuard;
import dev.byocfleet.auth.CurrentUser;
import dev.byocfleet.auth.Role;
import dev.byocfleet.auth.SecretState;
import dev.byocfleet.settings.ChannelMessages.ChannelRequest;
import dev.byocfleet.settings.ChannelMessages.ChannelTestResult;
import dev.byocfleet.settings.ChannelMessages.ChannelView;
import dev.byocfleet.settings.ChannelRepository.Channel;
import dev.byocfleet.settings.ChannelRepository.ChannelConfig;
import dev.byocfleet.settings.HttpDelivery.Delivered;
import dev.byocfleet.settings.HttpDelivery.Failed;
import dev.byocfleet.outbound.OutboundPolicy;
import dev.byocfleet.outbound.RefusedUrlException;
import dev.byocfleet.settings.HttpDelivery.Outcome;
import dev.byocfleet.store.StoreAvailability;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Notification channels, managed by admins. URLs and secrets are write-only: answers show the
 * URL's scheme and host and whether a secret is stored, and logs name channels by id and name only.
 */
@Service
public class ChannelService {

    static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");
    static final Set<String> WEBHOOK_AUTH = Set.of("none", "bearer", "hmac");
    private static final Logger log = LoggerFactory.getLogger(ChannelService.class);

    private final ChannelRepository channels;
    private final ChannelSender sender;
    private final AccessGuard access;
    private final OutboundPolicy outbound;

    private final StoreAvailability store;

    ChannelService(ChannelRepository channels, ChannelSender sender, AccessGuard access, OutboundPolicy outbound,
                   StoreAvailability store) {
        this.channels = channels;
        this.sender = sender;
        this.access = access;
        this.outbound = outbound;
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    void encryptPlaintextChannelsWhenTheStoreIsOpen() {
        store.whenAvailable("encrypting plaintext notification channels", this::encryptPlaintextChannels);
    }

    /** Channels saved before their URLs and secrets were encrypted are encrypted once, at start-up. */
    void encryptPlaintextChannels() {
        try {
            int n = channels.encryptPlaintextRows();
            if (n > 0) {
                log.info("encrypted the URL and secret of {} notification channel(s) stored in plaintext", n);
            }
        } catch (RuntimeException e) {
            log.warn("could not encrypt plaintext notification channels now (retried at the next start): {}", e.toString());
        }
    }

    public List<ChannelView> channels() {
        access.require(Role.ADMIN);
        return channels.findAll().stream().map(ChannelService::view).toList();
    }

    public ChannelView create(ChannelRequest request) {
        CurrentUser admin = access.require(Role.ADMIN);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        Channel channel = build(UUID.randomUUID().toString(), request, null, now, now);
        channels.save(channel);
        log.info("notification channel {} ({}, {}) created by {}", channel.channelId(), channel.name(),
                channel.kind().wire(), admin.userId());
        return view(channel);
    }

    public ChannelView update(String channelId, ChannelRequest request) {
        CurrentUser admin = access.require(Role.ADMIN);
        Channel before = existing(channelId);
        Channel after = build(channelId, request, before.config(), before.createdAt(), LocalDateTime.now(ZoneOffset.UTC));
        channels.save(after);
        log.info("notification channel {} ({}) updated by {}", channelId, after.name(), admin.userId());
        return view(after);
    }

    public void delete(String channelId) {
        CurrentUser admin = access.require(Role.ADMIN);
        if (!channels.delete(channelId)) {
            throw new NotFoundException("No notification channel with id '" + channelId + "'.");
        }
        log.info("notification channel {} deleted by {}", channelId, admin.userId());
    }

    /** Sends a small test message and reports what the receiver answered. */
    public ChannelTestResult sendTest(String channelId) {
        CurrentUser admin = access.require(Role.ADMIN);
        Channel channel = existing(channelId);
        ChannelTestResult result = result(channel, () -> sender.sendTest(channel, admin));
        log.info("notification channel {} test by {}: {}", channelId, admin.userId(),
                result.delivered() ? "delivered" : (result.retryable() ? "temporary failure, " : "failed, ") + result.detail());
        return result;
    }

    /**
     * Posts a notification to a configured channel for a server job (the Patrol): no user is
     * involved, the channel id comes from configuration. A disabled channel is not sent to.
     */
    public ChannelTestResult notify(String channelId, String title, String template, String markdown) {
        Channel channel = existing(channelId);
        if (!channel.enabled()) {
            return new ChannelTestResult(false, false, null, null, "The channel is disabled.");
        }
        ChannelTestResult result = result(channel, () -> sender.send(channel, title, template, markdown));
        log.info("notification to channel {}: {}", channelId,
                result.delivered() ? "delivered" : (result.retryable() ? "temporary failure, " : "failed, ") + result.detail());
        return result;
    }

    /** Sends unless the channel's stored credentials cannot be decrypted, which fails the delivery. */
    private static ChannelTestResult result(Channel channel, Supplier<Outcome> send) {
        if (channel.config().unreadable() != null) {
            return new ChannelTestResult(false, false, null, null,
                    "Not sent: " + channel.config().unreadable() + ".");
        }
        return switch (send.get()) {
            case Delivered d -> new ChannelTestResult(true, false, d.status(), null, "Delivered.");
            case Failed f -> new ChannelTestResult(false, f.temporary(), f.status(), f.code(), f.reason());
        };
    }

    private Channel existing(String channelId) {
        return channels.find(channelId)
                .orElseThrow(() -> new NotFoundException("No notification channel with id '" + channelId + "'."));
    }

    /** Validates the request; a missing URL or secret keeps the stored one. */
    private Channel build(String channelId, ChannelRequest r, @Nullable ChannelConfig stored,
                          LocalDateTime createdAt, LocalDateTime updatedAt) {
        String url = r.url() != null ? checkedUrl(r.url()) : stored == null ? null : stored.url();
        if (url == null) {
            throw new InvalidParameterException("url", stored != null && stored.unreadable() != null
                    ? "the stored url cannot be decrypted (" + stored.unreadable() + "); send url and secret again."
                    : "url is required.");
        }
        if (r.secret() == null && stored != null && stored.unreadable() != null) {
            throw new InvalidParameterException("secret", "the stored secret cannot be decrypted; send secret again "
                    + "(\"\" for none).");
        }
        String secret = r.secret() == null ? (stored == null ? null : stored.secret()) : r.secret().isEmpty() ? null : r.secret();
        String auth;
        if (r.kind() == ChannelKind.LARK_BOT) {
            auth = secret == null ? "none" : "sign";
        } else {
            auth = r.auth() != null ? r.auth() : stored != null && WEBHOOK_AUTH.contains(stored.auth()) ? stored.auth() : "none";
            if (!WEBHOOK_AUTH.contains(auth)) {
                throw new InvalidParameterException("auth", "auth must be none, bearer or hmac.");
            }
            if (!auth.equals("none") && secret == null) {
                throw new InvalidParameterException("secret", "auth " + auth + " needs a secret.");
            }
        }
        if (r.minSeverity() != null && !SEVERITIES.contains(r.minSeverity())) {
            throw new InvalidParameterException("min_severity", "min_severity must be critical, warning or info.");
        }
        return new Channel(channelId, r.name().strip(), r.kind(), new ChannelConfig(url, auth, secret), r.minSeverity(),
                r.enabled() == null || r.enabled(), createdAt, updatedAt);
    }

    /** The outbound-URL policy's verdict as a 400 naming the field. */
    private String checkedUrl(String url) {
        try {
            return outbound.checkUrl(url).toString();
        } catch (RefusedUrlException e) {
            throw new InvalidParameterException("url", "url refused: " + e.reason() + ".");
        }
    }

    private static ChannelView view(Channel c) {
        String hint;
        String state;
        String problem = null;
        if (c.config().unreadable() != null) {
            hint = "(cannot be decrypted: save the url again)";
            state = SecretState.UNREADABLE;
            problem = "The stored url or secret " + c.config().unreadable().replaceFirst("^a stored credential ", "")
                    + ". Save the channel again with its url and secret.";
        } else {
            URI uri = URI.create(c.config().url());
            hint = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/…";
            state = c.config().secret() != null ? SecretState.STORED : SecretState.NONE;
        }
        return new ChannelView(c.channelId(), c.name(), c.kind(), hint, c.config().auth(), c.config().secret() != null,
                state, problem, c.enabled(), c.minSeverity(), c.createdAt().toInstant(ZoneOffset.UTC),
                c.updatedAt().toInstant(ZoneOffset.UTC));
    }
}
