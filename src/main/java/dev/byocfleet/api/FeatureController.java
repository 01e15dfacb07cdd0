package dev.byocfleet.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "features", description = "Which pages of the web app are built")
class FeatureController {

    @GetMapping("/api/features")
    @Operation(summary = "Pages and whether they are available",
            description = "For any signed-in user: page key to true when its feature is built. The web app shows "
                    + "'not available yet' for a page set to false.")
    Features.FeatureFlags features() {
        return Features.flags();
    }
}
