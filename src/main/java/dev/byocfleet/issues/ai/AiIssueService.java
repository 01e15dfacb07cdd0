package dev.byocfleet.issues.ai;

import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.api.NotFoundException;
import dev.byocfleet.auth.AccessGuard;
import dev.byocfleet.auth.Role;
import dev.byocfleet.knowledge.KnowledgeHit;
import dev.byocfleet.knowledge.KnowledgeService;
import dev.byocfleet.knowledge.SentenceEmbeddings;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * AI issues: groups of issues across clusters that share a pattern, each with a summary (templates
 * and facts, or an LLM when one is plugged in), the clusters involved, first and last seen, and a
 * suggested next step from the Knowledge Lake. Recomputed on a schedule and on demand.
 */
@Service
public class AiIssueService {

    /** Issues resolved longer ago than this are left out of the patterns. */
    static final Duration LOOKBACK = Duration.ofDays(7);
    static final int MAX_GROUPS = 50;
    private static final Pattern ID = Pattern.compile("ai-[0-9a-f]{16}");
    private static final Logger log = LoggerFactory.getLogger(AiIssueService.class);

    /** What one recompute found. */
    public record RecomputeResult(LocalDateTime computedAt, int candidates, int groups) {}

    private final AiIssueRepository repository;
    private final SentenceEmbeddings embeddings;
    private final KnowledgeService knowledge;
    private final ObjectProvider<AiIssueSummarizer> summarizer;
    private final AccessGuard access;
    private final TransactionTemplate tx;
    private final Clock clock = Clock.systemUTC();

    AiIssueService(AiIssueRepository repository, SentenceEmbeddings embeddings, KnowledgeService knowledge,
                   ObjectProvider<AiIssueSummarizer> summarizer, AccessGuard access, TransactionTemplate tx) {
        this.repository = repository;
        this.embeddings = embeddings;
        this.knowledge = knowledge;
        this.summarizer = summarizer;
        this.access = access;
        this.tx = tx;
    }

    public List<AiIssue> aiIssues(boolean includeInactive) {
        access.require(Role.VIEWER);
        return repository.list(!includeInactive);
    }

    public AiIssue aiIssue(String id) {
        access.require(Role.VIEWER);
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidParameterException("id", "an AI issue id is 'ai-' and 16 hex digits");
        }
        return repository.find(id).orElseThrow(() -> new NotFoundException("No AI issue " + id + "."));
    }

    /** On demand (operators). */
    public RecomputeResult recomputeNow() {
        access.require(Role.OPERATOR);
        return recompute(LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS));
    }

    /** The scheduled run, and tests: no user. */
    public synchronized RecomputeResult recompute(LocalDateTime now) {
        List<PatternCandidate> candidates = repository.candidates(now.minus(LOOKBACK));
        List<PatternGrouping.Group> groups = new PatternGrouping(embeddings::embed).group(candidates);
        List<AiIssue> out = new ArrayList<>();
        for (PatternGrouping.Group g : groups) {
            out.add(describe(g, now));
        }
        out.sort(Comparator.comparing((AiIssue a) -> "critical".equals(a.severity()) ? 0 : 1)
                .thenComparing(a -> -a.clusters().size()).thenComparing(AiIssue::aiIssueId));
        List<AiIssue> kept = out.size() > MAX_GROUPS ? out.subList(0, MAX_GROUPS) : out;
        tx.executeWithoutResult(s -> repository.replace(kept, now));
        return new RecomputeResult(now, candidates.size(), kept.size());
    }

    private AiIssue describe(PatternGrouping.Group g, LocalDateTime now) {
        List<PatternCandidate> m = g.members();
        int critical = (int) m.stream().filter(c -> "critical".equals(c.severity())).count();
        int active = (int) m.stream().filter(c -> !List.of("resolved", "closed").contains(c.status())).count();
        List<String> alertNames = m.stream().map(PatternCandidate::alertName).distinct().sorted().toList();
        List<KnowledgeHit> hits = knowledgeHits(g, alertNames);
        String next = hits.isEmpty() ? genericStep(g.family())
                : "Check '" + hits.getFirst().title() + "' (" + hits.getFirst().docId() + ") in the Knowledge Lake"
                  + (g.shared().containsKey("version") ? " for StarRocks " + g.shared().get("version") : "")
                  + ", then compare the clusters' metrics around " + g.firstSeen() + ".";
        AiIssueFacts facts = new AiIssueFacts(g.family().label, g.clusters(), alertNames, m.size(), critical, active,
                g.shared(), g.firstSeen(), g.lastSeen(), next);
        AiIssueSummarizer.Summary summary = summarizer.getIfAvailable(TemplateSummarizer::new).summarize(facts);
        String title = capitalize(g.family().label) + " across " + g.clusters().size() + " clusters"
                + (g.shared().containsKey("version") ? " on StarRocks " + g.shared().get("version")
                : g.shared().containsKey("region") ? " in " + g.shared().get("region") : "");
        return new AiIssue(g.id(), title, g.family().wire(), critical > 0 ? "critical" : "warning", summary.text(),
                summary.source(), next, hits.stream().map(KnowledgeHit::docId).toList(), g.clusters(),
                m.stream().map(PatternCandidate::issueId).toList(), g.shared(), g.evidence(), g.firstSeen(), g.lastSeen(),
                now, true, summary.inputTokens(), summary.outputTokens());
    }

    private List<KnowledgeHit> knowledgeHits(PatternGrouping.Group g, List<String> alertNames) {
        try {
            String q = g.family().label + " " + String.join(" ", alertNames);
            return knowledge.search(q.length() > 900 ? q.substring(0, 900) : q, null, g.shared().get("version"), null, 3).hits();
        } catch (RuntimeException e) {
            log.warn("knowledge search for AI issue {} failed: {}", g.id(), e.getMessage());
            return List.of();
        }
    }

    private static String genericStep(AlertFamily family) {
        return switch (family) {
            case DISK -> "Compare disk growth of the clusters and look for a shared backfill or retention change.";
            case MEMORY -> "Look for a shared query pattern or release that raised memory use on these clusters.";
            default -> "Compare what changed on these clusters (upgrades, scaling, workload) just before the first alert.";
        };
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
