package dev.byocfleet.looker;

import dev.byocfleet.looker.LookerService.EmbedRequest;
import dev.byocfleet.looker.LookerService.EmbedUrl;
import dev.byocfleet.looker.LookerService.LookerConfig;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/looker")
@Tag(name = "looker", description = "Signed Looker embed URLs for the signed-in user")
class LookerController {

    private final LookerService looker;

    LookerController(LookerService looker) {
        this.looker = looker;
    }

    @PostMapping("/embed-url")
    @Operation(summary = "A signed embed URL for a dashboard or look",
            description = "Give exactly one of target (a Looker embed path such as /embed/dashboards/42), "
                    + "dashboard_id or look_id. Open the URL (in an iframe) before expires_at: Looker accepts a "
                    + "signed URL once and only shortly after it was made.")
    @ApiResponse(responseCode = "409", description = "Looker is not configured")
    ResponseEntity<EmbedUrl> embedUrl(@Valid @RequestBody EmbedRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(looker.embedUrl(request));
    }

    @GetMapping("/config")
    @Operation(summary = "Whether Looker embedding is configured, and its host")
    LookerConfig config() {
        return looker.config();
    }
}
