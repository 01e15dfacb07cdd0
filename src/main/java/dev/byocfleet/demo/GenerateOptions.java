package dev.byocfleet.demo;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What to generate. The output is a function of (preset, seed, end, scenarios): the same inputs
 * give identical table contents and files.
 *
 * @param end       end of the data (exclusive), truncated to the hour; the newest data is just before it
 * @param scenarios extra scenario files or folders
 * @param replace   delete a fleet already in the store first; otherwise a non-empty store is refused
 * @param rawHours  override of the preset's raw-sample window, or null
 */
public record GenerateOptions(Preset preset, long seed, LocalDateTime end, List<Path> scenarios, boolean replace,
                              Integer rawHours) {

    public GenerateOptions {
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
        end = end.withMinute(0).withSecond(0).withNano(0);
    }
}
