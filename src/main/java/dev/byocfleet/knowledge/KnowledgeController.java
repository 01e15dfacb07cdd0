package dev.byocfleet.knowledge;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/knowledge")
@Tag(name = "knowledge", description = "The Knowledge Lake: on-call logs, known StarRocks bugs by version, monitoring "
        + "guidelines and proven resolutions, with hybrid (BM25 + embedding) search")
class KnowledgeController {

    static final String MARKDOWN = "text/markdown";
    static final String JSON_LINES = "application/x-ndjson";

    private final KnowledgeService knowledge;

    KnowledgeController(KnowledgeService knowledge) {
        this.knowledge = knowledge;
    }

    @GetMapping
    @Operation(summary = "Search documents",
            description = "Hybrid search fuses a BM25 ranking over title, body and tags with a ranking of passage "
                    + "embeddings (reciprocal rank fusion). kind and version filter inside both rankings; version keeps "
                    + "documents whose affected versions contain it (minus versions with the fix) and documents "
                    + "that are not version-specific. Without q the filtered documents are listed by id.")
    @ApiResponse(responseCode = "400", description = "A parameter is invalid; 'parameter' names it",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    KnowledgeSearchResult search(
            @Parameter(description = "What to look for (at most 1,000 characters)") @RequestParam(required = false) String q,
            @Parameter(description = "oncall_log, known_bug, guideline or resolution") @RequestParam(required = false) String kind,
            @Parameter(description = "StarRocks version (3.3.2) or release line (3.3)", example = "3.3.2")
            @RequestParam(required = false) String version,
            @Parameter(description = "hybrid (default), bm25 or vector") @RequestParam(required = false) String mode,
            @Parameter(description = "Hits to return, 1 to 50 (default 5)") @RequestParam(required = false) Integer limit) {
        return knowledge.search(q, kind, version, mode, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One document in full")
    @ApiResponse(responseCode = "404", description = "No such document",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    KnowledgeDocument get(@PathVariable String id) {
        return knowledge.get(id);
    }

    @PostMapping
    @Operation(summary = "Create a document (operators and admins)",
            description = "doc_id is optional (made from the title). 409 when the id exists.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "403", description = "Not allowed to change the Knowledge Lake",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<KnowledgeDocument> create(@RequestBody KnowledgeDocumentInput input) {
        KnowledgeDocument doc = knowledge.create(input);
        return ResponseEntity.created(URI.create("/api/knowledge/" + doc.docId())).body(doc);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a document's content (operators and admins)", description = "A new revision.")
    KnowledgeDocument update(@PathVariable String id, @RequestBody KnowledgeDocumentInput input) {
        return knowledge.update(id, input);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a document (operators and admins)")
    void delete(@PathVariable String id) {
        knowledge.delete(id);
    }

    @PostMapping(path = "/import", consumes = MARKDOWN)
    @Operation(summary = "Import one Markdown document with YAML front matter (operators and admins)",
            description = "Front matter fields: id, kind, title, tags, affected_versions, fixed_versions, source. "
                    + "Creates or replaces by id; an identical document is left alone.")
    ImportReport importMarkdown(@RequestBody String markdown,
                                @Parameter(description = "File name; gives the id when the front matter has none")
                                @RequestParam(defaultValue = "upload.md") String name) {
        return knowledge.importMarkdown(name, markdown);
    }

    @PostMapping(path = "/import", consumes = {JSON_LINES, "application/jsonl"})
    @Operation(summary = "Import JSON Lines, one document per line (operators and admins)",
            description = "Each line: {\"id\", \"kind\", \"title\", \"body\", \"tags\", \"affected_versions\", "
                    + "\"fixed_versions\", \"source\"}. All lines are checked before any is written.")
    ImportReport importJsonLines(@RequestBody String lines) {
        return knowledge.importJsonLines("upload.jsonl", lines);
    }
}
