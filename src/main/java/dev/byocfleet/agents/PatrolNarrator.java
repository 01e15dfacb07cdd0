package dev.byocfleet.agents;

import dev.byocfleet.agentloop.UntrustedText;
import dev.byocfleet.llm.CallContext;
import dev.byocfleet.llm.Cancellation;
import dev.byocfleet.llm.LlmMessage;
import dev.byocfleet.llm.LlmRequest;
import dev.byocfleet.llm.LlmResponse;
import dev.byocfleet.llm.LlmService;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * With a provider configured, the model writes the patrol's opening overview from the rules'
 * report (given as delimited data, one call recorded against the report); without one, or when
 * the call fails, the report is the rules' alone.
 */
@Component
class PatrolNarrator {

    static final String AGENT = "patrol";
    static final int MAX_CHARS = 3_000;
    private static final Logger log = LoggerFactory.getLogger(PatrolNarrator.class);
    private static final String SYSTEM = """
            You are the fleet patrol of a StarRocks SRE team. From the patrol report you are given, write a short \
            overview (at most 6 sentences, Markdown allowed, no headings): the most urgent clusters and why, \
            cross-cluster patterns, capacity breaches coming, and what changed since the previous patrol. Use only \
            facts from the report; cite cluster names exactly as written.
            """ + UntrustedText.RULES;

    record Narration(String text, String model) {}

    private final LlmService llm;

    PatrolNarrator(LlmService llm) {
        this.llm = llm;
    }

    Optional<Narration> narrate(String reportId, String markdown) {
        if (!llm.configured()) {
            return Optional.empty();
        }
        try {
            LlmRequest request = new LlmRequest(SYSTEM, List.of(new LlmMessage.UserText(
                    "Write the overview of this patrol report.\n" + UntrustedText.wrap("patrol_report", markdown))),
                    List.of(), 600);
            LlmResponse answer = llm.call(new CallContext(AGENT, null, reportId, null, null), request, null,
                    Cancellation.none());
            String text = answer.text().strip();
            if (text.isEmpty() || text.length() > MAX_CHARS) {
                log.info("patrol {}: the model's overview was {} characters; the rules' report stands", reportId, text.length());
                return Optional.empty();
            }
            return Optional.of(new Narration(text, answer.model() == null || answer.model().isBlank() ? "llm" : answer.model()));
        } catch (RuntimeException e) {
            log.warn("patrol {}: the model call failed ({}); the rules' report stands", reportId, e.getMessage());
            return Optional.empty();
        }
    }

    /** The report with the model's overview on top, saying who wrote which part. */
    static String withOverview(String markdown, Narration n) {
        return "## Overview\n_Written by " + n.model() + " from the rules' findings below._\n\n" + n.text() + "\n\n" + markdown;
    }
}
