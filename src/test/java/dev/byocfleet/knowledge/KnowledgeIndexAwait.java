package dev.byocfleet.knowledge;

import java.util.concurrent.TimeUnit;

/**
 * The index is built in the background after start-up; tests that search wait for it first. Test
 * contexts share one store, so another context may have reloaded the knowledge table after this
 * context's start-up sync: after a short wait the test catches the index up itself rather than
 * waiting for the periodic sync.
 */
public final class KnowledgeIndexAwait {

    private KnowledgeIndexAwait() {
    }

    public static void awaitIndex(KnowledgeService knowledge) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MINUTES.toNanos(5);
        while (!knowledge.search(null, null, null, null, 1).indexSynced()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the knowledge index did not catch up with the knowledge table");
            }
            if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(5)) {
                try {
                    knowledge.syncIndex();
                } catch (RuntimeException e) {
                    // the start-up sync may still hold the index; try again on the next round
                }
            }
            Thread.sleep(200);
        }
    }
}
