package dev.byocfleet.ingest.lark;

import dev.byocfleet.ingest.AlertStore.StoreResult;
import dev.byocfleet.ingest.source.lark.LarkMessageParser.Skip;
import java.time.Instant;

/** What a run has done so far; turned into its record after every page. */
final class RunTally {

    int pages;
    int messages;
    int alertMessages;
    int recalled;
    int chatter;
    int otherTypes;
    int inserted;
    int duplicates;
    int unparsed;
    int unmapped;
    int recommendations;
    Instant oldest;
    Instant newest;

    void skipped(Skip reason) {
        switch (reason) {
            case RECALLED -> recalled++;
            case CHATTER -> chatter++;
            case OTHER_TYPE -> otherTypes++;
        }
    }

    void stored(StoreResult r) {
        inserted += r.inserted();
        duplicates += r.duplicates();
        unparsed += r.unparsed();
        unmapped += r.unmapped();
    }

    void seen(Instant created) {
        if (created != null) {
            oldest = oldest == null || created.isBefore(oldest) ? created : oldest;
            newest = newest == null || created.isAfter(newest) ? created : newest;
        }
    }

    IngestRun record(IngestRun run, String status, Instant finishedAt, String error) {
        return new IngestRun(run.runId(), run.kind(), run.windowFrom(), run.windowTo(), run.startedAt(), finishedAt,
                status, pages, messages, inserted, duplicates, unparsed, unmapped, error, run.requestedBy(),
                new IngestRun.Detail(alertMessages, recalled, chatter, otherTypes, recommendations));
    }
}
