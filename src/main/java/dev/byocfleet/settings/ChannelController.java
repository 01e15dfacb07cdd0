package dev.byocfleet.settings;

import dev.byocfleet.settings.ChannelMessages.ChannelRequest;
import dev.byocfleet.settings.ChannelMessages.ChannelTestResult;
import dev.byocfleet.settings.ChannelMessages.ChannelView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/settings/channels")
@Tag(name = "settings", description = "Preferences of the signed-in user; notification channels (admin)")
class ChannelController {

    private final ChannelService channels;

    ChannelController(ChannelService channels) {
        this.channels = channels;
    }

    @GetMapping
    @Operation(summary = "Notification channels (admin)",
            description = "URLs and secrets are never returned: url_hint shows scheme and host, has_secret whether "
                    + "a secret is stored.")
    List<ChannelView> list() {
        return channels.channels();
    }

    @PostMapping
    @Operation(summary = "Add a channel (admin)",
            description = "kind lark_bot: url is the custom bot's webhook URL, secret its optional signing secret. "
                    + "kind webhook: any URL taking a JSON POST; auth none, bearer (secret is the token) or hmac "
                    + "(secret is the key; X-Byoc-Timestamp and X-Byoc-Signature: sha256=HMAC of 'timestamp.body'). "
                    + "The url must be http(s) and must not be or resolve to a loopback, link-local, private, "
                    + "multicast or unspecified address unless byoc.outbound.allowed-hosts allows it (400 naming url "
                    + "otherwise). URL and secret are stored encrypted.")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<ChannelView> create(@Valid @RequestBody ChannelRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(channels.create(request));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a channel (admin)",
            description = "url and secret left out keep the stored ones; secret \"\" removes it.")
    ChannelView update(@PathVariable String id, @Valid @RequestBody ChannelRequest request) {
        return channels.update(id, request);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a channel (admin)")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable String id) {
        channels.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/test")
    @Operation(summary = "Send a test message (admin)",
            description = "Answers 200 with what the receiver did. Lark counts as delivered only when the body's "
                    + "code is 0; retryable tells a temporary failure (timeout, 429, 5xx, rate limit) from a permanent one.")
    ChannelTestResult test(@PathVariable String id) {
        return channels.sendTest(id);
    }
}
