package dev.byocfleet.ingest.source.lark;

/** A message the parser does not understand; the message says why and ends up as its parse_error. */
final class UnreadableMessage extends RuntimeException {

    UnreadableMessage(String reason) {
        super(reason, null, false, false);
    }
}
