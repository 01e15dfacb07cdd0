package dev.byocfleet.issues.ai;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A pattern across clusters: issues of one alert family that share attributes (version, region,
 * instance type) and time. The id comes from the pattern, so the group keeps it between runs.
 *
 * @param summarySource     {@code template} (facts and templates) or {@code llm}
 * @param sharedAttributes  attribute → the value every member shares (version, region, instance_type)
 * @param evidence          why the members belong together: similarity and shared attributes
 */
public record AiIssue(String aiIssueId, String title, String alertFamily, String severity, String summary,
                      String summarySource, String suggestedNextStep, List<String> knowledgeDocIds,
                      List<String> clusters, List<Long> issueIds, Map<String, String> sharedAttributes,
                      Map<String, Object> evidence, LocalDateTime firstSeen, LocalDateTime lastSeen,
                      LocalDateTime computedAt, boolean active, Long inputTokens, Long outputTokens) {
}
