package dev.byocfleet.issues.ai;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** What a summarizer gets about one group: facts only, no free text from alerts beyond names and summaries. */
public record AiIssueFacts(String familyLabel, List<String> clusterNames, List<String> alertNames, int issues,
                           int critical, int active, Map<String, String> sharedAttributes, LocalDateTime firstSeen,
                           LocalDateTime lastSeen, String suggestedNextStep) {
}
