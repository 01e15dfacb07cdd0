package dev.byocfleet.agents;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** The investigation a diagnosis belongs to, so its model calls are recorded against it. */
final class InvestigationScope {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private InvestigationScope() {
    }

    static <T> T with(String investigationId, Supplier<T> body) {
        String previous = CURRENT.get();
        CURRENT.set(investigationId);
        try {
            return body.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    static @Nullable String current() {
        return CURRENT.get();
    }
}
