package dev.byocfleet.knowledge;

import java.util.List;

/**
 * What an import did: new documents, documents whose content changed (new revision) and documents
 * identical to the stored ones (left alone), with every id in input order.
 */
public record ImportReport(int created, int updated, int unchanged, List<String> docIds) {
}
