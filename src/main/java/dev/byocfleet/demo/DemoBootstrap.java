package dev.byocfleet.demo;

import dev.byocfleet.store.StoreAvailability;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On start, generates the configured preset ({@code BYOC_DEMO_PRESET}, default demo) into an
 * empty store, so a fresh machine shows a fleet. A store that holds a fleet is left alone.
 */
@Component
class DemoBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoBootstrap.class);

    private final DemoGenerator generator;
    private final String preset;
    private final long seed;
    private final StoreAvailability store;

    DemoBootstrap(DemoGenerator generator, @Value("${byoc.demo.preset:demo}") String preset,
                  @Value("${byoc.demo.seed:42}") long seed, StoreAvailability store) {
        this.generator = generator;
        this.preset = preset;
        this.seed = seed;
        this.store = store;
    }

    /** Now, or as soon as a store that was unreachable at start-up opens. */
    @Override
    public void run(ApplicationArguments args) {
        if (preset == null || preset.isBlank() || preset.equalsIgnoreCase("none")) {
            return;
        }
        Preset p = Preset.parse(preset);
        store.whenAvailable("generating the " + p.id() + " preset into an empty store", () -> generateIfEmpty(p));
    }

    private void generateIfEmpty(Preset p) {
        if (!generator.storeIsEmpty()) {
            log.info("store already holds a fleet; not generating the {} preset", p.id());
            return;
        }
        log.info("empty store: generating the {} preset (BYOC_DEMO_PRESET=none to skip)", p.id());
        generator.generate(new GenerateOptions(p, seed, LocalDateTime.now(ZoneOffset.UTC), List.of(), false, null));
    }
}
