package dev.byocfleet.mcp;

import dev.byocfleet.knowledge.DocumentKind;
import dev.byocfleet.knowledge.KnowledgeService;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.List;

/** knowledge_search and knowledge_get over {@link KnowledgeService}. */
final class KnowledgeTools {

    private KnowledgeTools() {
    }

    static List<SyncToolSpecification> tools(ToolSupport support, KnowledgeService knowledge) {
        return List.of(
                support.readOnlyTool("knowledge_search", "Search the Knowledge Lake", """
                        Search the BYOC Fleet Knowledge Lake: known StarRocks bugs with the versions they affect and \
                        the versions that fix them, monitoring guidelines and runbooks, proven resolutions and on-call \
                        logs. Ranking fuses BM25 keyword search with sentence-embedding search, so both exact \
                        identifiers (metric names, config keys, error messages) and plain descriptions of symptoms \
                        work. Use `version` with a cluster's StarRocks version (for example 3.3.2, or a line such as \
                        3.3) to keep only documents that apply to it; kind=known_bug plus version with an empty query \
                        lists the known bugs of that version. Returns hits (doc_id, kind, title, tags, \
                        affected_versions, fixed_versions, snippet, ranks); read one in full with knowledge_get.""",
                        """
                        {"type": "object", "properties": {
                          "query": {"type": "string", "maxLength": 1000,
                                    "description": "What to look for: symptoms, an error message, a metric or config name. May be empty when filtering."},
                          "kind": {"type": "string", "enum": %s, "description": "Only documents of this kind"},
                          "version": {"type": "string", "description": "StarRocks version (3.3.2) or line (3.3) the documents must apply to"},
                          "mode": {"type": "string", "enum": ["hybrid", "bm25", "vector"], "default": "hybrid",
                                   "description": "Ranking: both fused (default), keywords only, or embeddings only"},
                          "limit": {"type": "integer", "minimum": 1, "maximum": 50, "default": 5}
                        }, "additionalProperties": false}""".formatted(kinds()),
                        args -> knowledge.search(args.string("query"), args.string("kind"), args.string("version"),
                                args.string("mode"), args.integer("limit"))),
                support.readOnlyTool("knowledge_get", "Read a knowledge document", """
                        Read one Knowledge Lake document in full by its doc_id (from knowledge_search): title, body \
                        (Markdown), tags, affected and fixed StarRocks versions, source and revision.""",
                        """
                        {"type": "object", "properties": {
                          "doc_id": {"type": "string", "description": "Document id, for example sr-ki-002 or gl-disk-capacity"}
                        }, "required": ["doc_id"], "additionalProperties": false}""",
                        args -> knowledge.get(args.requiredString("doc_id"))));
    }

    private static String kinds() {
        return "[" + String.join(", ", java.util.Arrays.stream(DocumentKind.values())
                .map(k -> "\"" + k.apiName() + "\"").toList()) + "]";
    }
}
