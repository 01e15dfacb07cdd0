package dev.byocfleet.issues.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatternGroupingTest {

    private static final LocalDateTime T = LocalDateTime.of(2026, 11, 28, 10, 0);

    /** Texts that mention "alike" embed the same; every other text gets a direction of its own. */
    private final PatternGrouping grouping = new PatternGrouping(texts -> texts.stream().map(t -> {
        float[] v = new float[256];
        v[t.contains("alike") ? 0 : 1 + Math.floorMod(t.hashCode(), 255)] = 1;
        return v;
    }).toList());

    private static PatternCandidate issue(long id, String cluster, String alert, String version, String region,
                                          String instance, LocalDateTime first) {
        return new PatternCandidate(id, cluster, cluster + "-name", alert, alert + " on " + cluster, alert + " summary",
                "critical", "open", first, first.plusHours(1), version, region, instance, "A");
    }

    @Test
    void groupsIssuesOfOneFamilyOnClustersSharingAVersionAroundTheSameTime() {
        List<PatternGrouping.Group> groups = grouping.group(List.of(
                issue(1, "c-1", "Data Disk Capacity Alert", "3.3.2", "us-west-2", "r6i", T),
                issue(2, "c-2", "Disks Avail Capacity", "3.3.2", "eu-west-1", "m6i", T.plusHours(2)),
                issue(3, "c-3", "Data Disk Capacity Alert", "3.2.11", "ap-south-1", "c6i", T.plusHours(1)),
                issue(4, "c-4", "Data Disk Capacity Alert", "3.3.2", "us-west-2", "r6i", T.plusDays(3)),
                issue(5, "c-1", "BE Mem", "3.3.2", "us-west-2", "r6i", T)));

        assertThat(groups).hasSize(1);
        PatternGrouping.Group g = groups.getFirst();
        assertThat(g.family()).isEqualTo(AlertFamily.DISK);
        assertThat(g.members()).extracting(PatternCandidate::issueId).containsExactly(1L, 2L);
        assertThat(g.shared()).isEqualTo(Map.of("version", "3.3.2"));
        assertThat(g.clusters()).containsExactly("c-1-name", "c-2-name");
        assertThat(g.firstSeen()).isEqualTo(T);
        assertThat(g.id()).matches("ai-[0-9a-f]{16}");
    }

    @Test
    void regionAndInstanceTypeTogetherAlsoTieClustersAndSimilarTitlesCrossFamilies() {
        List<PatternGrouping.Group> groups = grouping.group(List.of(
                issue(1, "c-1", "Strange alike thing", "3.3.1", "us-west-2", "r6i", T),
                issue(2, "c-2", "Weird alike event", "3.4.0", "us-west-2", "r6i", T.plusHours(3)),
                issue(3, "c-3", "Weird alike event", "3.1.0", "us-west-2", "m6i", T.plusHours(3))));
        assertThat(groups).hasSize(1);
        assertThat(groups.getFirst().members()).extracting(PatternCandidate::issueId).containsExactly(1L, 2L);
        assertThat(groups.getFirst().shared()).containsEntry("region", "us-west-2").containsEntry("instance_type", "r6i");
    }

    @Test
    void aGroupKeepsItsIdWhenAnotherClusterJoinsThatDay() {
        PatternCandidate a = issue(1, "c-1", "BE Mem", "3.3.2", "us-west-2", "r6i", T);
        PatternCandidate b = issue(2, "c-2", "Memory Alert", "3.3.2", "eu-west-1", "m6i", T.plusHours(1));
        PatternCandidate c = issue(3, "c-3", "BE Mem", "3.3.2", "ap-south-1", "c6i", T.plusHours(4));
        String before = grouping.group(List.of(a, b)).getFirst().id();
        List<PatternGrouping.Group> after = grouping.group(List.of(a, b, c));
        assertThat(after).hasSize(1);
        assertThat(after.getFirst().id()).isEqualTo(before);
        assertThat(after.getFirst().members()).hasSize(3);
    }

    @Test
    void issuesOfOneClusterAreNoPattern() {
        assertThat(grouping.group(List.of(issue(1, "c-1", "BE Mem", "3.3.2", "r", "i", T),
                issue(2, "c-1", "Memory Alert", "3.3.2", "r", "i", T)))).isEmpty();
    }

    @Test
    void templateSummaryStatesTheFacts() {
        AiIssueSummarizer.Summary s = new TemplateSummarizer().summarize(new AiIssueFacts("disk capacity",
                List.of("a", "b"), List.of("Data Disk Capacity Alert"), 2, 1, 2, Map.of("version", "3.3.2"), T,
                T.plusHours(2), "Check 'Disk full' (gl-disk)."));
        assertThat(s.source()).isEqualTo("template");
        assertThat(s.inputTokens()).isNull();
        assertThat(s.text()).contains("2 clusters (a, b) raised disk capacity alerts").contains("StarRocks 3.3.2")
                .contains("1 critical").contains("Next: Check 'Disk full'");
    }
}
