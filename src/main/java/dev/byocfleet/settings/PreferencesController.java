package dev.byocfleet.settings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/settings/preferences")
@Tag(name = "settings", description = "Preferences of the signed-in user; notification channels (admin)")
class PreferencesController {

    private final PreferencesService preferences;

    PreferencesController(PreferencesService preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    @Operation(summary = "My preferences", description = "Defaults for what was never set: UTC, system theme, no filters.")
    Preferences get() {
        return preferences.preferences();
    }

    @PutMapping
    @Operation(summary = "Save my preferences",
            description = "Fields left out keep their value. time_zone is an IANA id, theme light, dark or system, "
                    + "default_filters any JSON object up to 8 KiB.")
    Preferences put(@RequestBody Preferences changes) {
        return preferences.update(changes);
    }
}
