package dev.byocfleet.agents;

import dev.byocfleet.agentloop.UntrustedText;
import dev.byocfleet.issues.ai.AiIssueFacts;
import dev.byocfleet.issues.ai.AiIssueSummarizer;
import dev.byocfleet.issues.ai.TemplateSummarizer;
import dev.byocfleet.llm.CallContext;
import dev.byocfleet.llm.Cancellation;
import dev.byocfleet.llm.LlmMessage;
import dev.byocfleet.llm.LlmRequest;
import dev.byocfleet.llm.LlmResponse;
import dev.byocfleet.llm.LlmService;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * AI issue summaries written by the configured model (one call per group, its tokens recorded in
 * {@code llm_usage} as agent {@code ai_issues} and on the group). The facts go in as delimited data;
 * without a provider, or when the call fails or answers nothing usable, the template summary stands.
 */
@Component
class LlmAiIssueSummarizer implements AiIssueSummarizer {

    static final String AGENT = "ai_issues";
    static final int MAX_CHARS = 2_000;
    private static final Logger log = LoggerFactory.getLogger(LlmAiIssueSummarizer.class);
    private static final String SYSTEM = """
            You summarize a pattern of alert issues shared by several StarRocks clusters for an SRE team. \
            Write 2-4 plain sentences: what is happening, on which clusters, what they share, how urgent it is \
            and the suggested next step. Use only the facts given; do not invent numbers or causes.
            """ + UntrustedText.RULES;

    private final LlmService llm;
    private final AiIssueSummarizer template = new TemplateSummarizer();

    LlmAiIssueSummarizer(LlmService llm) {
        this.llm = llm;
    }

    @Override
    public Summary summarize(AiIssueFacts facts) {
        Summary byTemplate = template.summarize(facts);
        if (!llm.configured()) {
            return byTemplate;
        }
        try {
            LlmRequest request = new LlmRequest(SYSTEM, List.of(new LlmMessage.UserText(
                    "Summarize this pattern.\n" + UntrustedText.wrap("ai_issue_facts", factsText(facts))
                            + "\nA template summary for reference:\n"
                            + UntrustedText.wrap("template_summary", byTemplate.text()))), List.of(), 400);
            LlmResponse answer = llm.call(CallContext.of(AGENT), request, null, Cancellation.none());
            String text = answer.text().strip();
            if (text.isEmpty() || text.length() > MAX_CHARS) {
                log.info("ai issues: the model's summary was {} characters; the template stands", text.length());
                return byTemplate;
            }
            return new Summary(text, "llm", answer.usage().input() + answer.usage().cacheRead(), answer.usage().output());
        } catch (RuntimeException e) {
            log.warn("ai issues: the model call failed ({}); the template summary stands", e.getMessage());
            return byTemplate;
        }
    }

    private static String factsText(AiIssueFacts f) {
        Map<String, Object> lines = new TreeMap<>();
        lines.put("alert_family", f.familyLabel());
        lines.put("clusters", f.clusterNames());
        lines.put("alert_names", f.alertNames().stream().distinct().sorted().toList());
        lines.put("issues", f.issues());
        lines.put("critical_issues", f.critical());
        lines.put("active_issues", f.active());
        lines.put("shared_attributes", f.sharedAttributes());
        lines.put("first_seen", String.valueOf(f.firstSeen()));
        lines.put("last_seen", String.valueOf(f.lastSeen()));
        lines.put("suggested_next_step", f.suggestedNextStep());
        StringBuilder s = new StringBuilder();
        lines.forEach((k, v) -> s.append(k).append(": ").append(v).append('\n'));
        return s.toString();
    }
}
