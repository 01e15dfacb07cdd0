package dev.byocfleet.knowledge;

import dev.byocfleet.store.StoreAvailability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the server starts: loads the starter corpus shipped in the jar ({@code knowledge/**}.md) into
 * an empty table, then, in the background, brings the index level with the table (only new or
 * changed documents are embedded again, which after a model change can take minutes, so the server
 * does not wait for it). Afterwards the index is synced every {@code byoc.knowledge.sync-interval},
 * so edits made through another replica arrive too. Command-line runs skip all of this.
 */
@Component
@ConditionalOnWebApplication
class KnowledgeBootstrap implements SmartLifecycle {

    static final String STARTER_PATTERN = "classpath*:knowledge/**/*.md";
    static final String STARTER_ACTOR = "starter-corpus";
    private static final Logger log = LoggerFactory.getLogger(KnowledgeBootstrap.class);

    private final KnowledgeService service;
    private final KnowledgeProperties props;
    private final StoreAvailability store;
    private volatile Thread worker;
    private volatile boolean started;

    KnowledgeBootstrap(KnowledgeService service, KnowledgeProperties props, StoreAvailability store) {
        this.service = service;
        this.props = props;
        this.store = store;
    }

    /** Now, or as soon as a store that was unreachable at start-up opens (unless stopped before). */
    @Override
    public void start() {
        started = true;
        store.whenAvailable("loading the knowledge starter corpus and syncing its index", this::load);
    }

    private synchronized void load() {
        if (!started || worker != null) {
            return;
        }
        if (props.starterCorpus() && service.tableIsEmpty()) {
            ImportReport report = service.store(starterCorpus(), STARTER_ACTOR);
            log.info("knowledge: loaded {} starter documents into the empty table", report.created());
        }
        service.resumeSync();
        worker = Thread.ofPlatform().name("knowledge-bootstrap").daemon(true).start(this::sync);
    }

    private void sync() {
        try {
            KnowledgeService.SyncReport sync = service.syncIndex();
            log.info("knowledge index: {} documents, {} (re)indexed, {} removed in {} ms", sync.documents(),
                    sync.indexed(), sync.removed(), sync.millis());
        } catch (RuntimeException e) {
            if (isRunning()) {
                log.warn("knowledge index sync at start-up failed; retrying at the next interval: {}", e.toString());
            }
        }
    }

    @Scheduled(fixedDelayString = "${byoc.knowledge.sync-interval:PT5M}",
            initialDelayString = "${byoc.knowledge.sync-interval:PT5M}")
    void periodicSync() {
        Thread w = worker;
        if (w == null || w.isAlive()) {
            return;
        }
        try {
            KnowledgeService.SyncReport sync = service.syncIndex();
            if (sync.indexed() + sync.removed() > 0) {
                log.info("knowledge index sync: {} (re)indexed, {} removed", sync.indexed(), sync.removed());
            }
        } catch (RuntimeException e) {
            log.warn("knowledge index sync failed; retrying at the next interval: {}", e.toString());
        }
    }

    /** Stops a start-up sync between two batches, before the index closes. */
    @Override
    public void stop() {
        started = false;
        Thread w = worker;
        worker = null;
        if (w != null) {
            service.stopSync();
            try {
                w.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** The documents shipped in the jar, in path order. */
    static List<KnowledgeDocumentInput> starterCorpus() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(STARTER_PATTERN);
            List<Resource> sorted = new ArrayList<>(Arrays.asList(resources));
            sorted.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
            List<KnowledgeDocumentInput> docs = new ArrayList<>();
            for (Resource r : sorted) {
                docs.add(KnowledgeImporter.markdown(r.getFilename(), r.getContentAsString(StandardCharsets.UTF_8)));
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the starter knowledge corpus", e);
        }
    }
}
