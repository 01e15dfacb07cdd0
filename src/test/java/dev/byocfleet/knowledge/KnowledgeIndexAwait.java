package dev.byocfleet.knowledge;

import java.util.concurrent.TimeUnit;

/** The index is built in the background after start-up; tests that search wait for it first. */
public final class KnowledgeIndexAwait {

    private KnowledgeIndexAwait() {
    }

    public static void awaitIndex(KnowledgeService knowledge) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!knowledge.search(null, null, null, null, 1).indexSynced()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the knowledge index did not finish its start-up sync");
            }
            Thread.sleep(200);
        }
    }
}
