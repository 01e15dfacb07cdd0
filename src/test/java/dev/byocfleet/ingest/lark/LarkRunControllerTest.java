package dev.byocfleet.ingest.lark;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.byocfleet.auth.AccessGuard;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP shape of /api/ingest/lark/runs; the pipeline itself is tested in LarkPipelineTest. */
@WebMvcTest(LarkRunController.class)
class LarkRunControllerTest {

    static final Instant FROM = Instant.parse("2026-11-28T00:00:00Z");
    static final Instant TO = Instant.parse("2026-11-29T00:00:00Z");
    static final IngestRun RUN = new IngestRun("r-1", "lark_pipeline", FROM, TO, Instant.parse("2026-11-29T01:30:00Z"),
            Instant.parse("2026-11-29T01:30:07Z"), "succeeded", 3, 120, 80, 4, 2, 1, null, "api",
            new IngestRun.Detail(90, 5, 20, 5, 12));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    LarkPipeline pipeline;

    @MockitoBean
    IngestRuns runs;

    @MockitoBean
    AccessGuard access;

    @Test
    void runsTheWindowAndAnswersTheRunRecordInSnakeCase() throws Exception {
        when(pipeline.runRequested(FROM, TO)).thenReturn(RUN);
        mvc.perform(post("/api/ingest/lark/runs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"2026-11-28\",\"to\":\"2026-11-29T08:00:00+08:00\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/ingest/lark/runs/r-1"))
                .andExpect(jsonPath("$.run_id").value("r-1"))
                .andExpect(jsonPath("$.window_from").value("2026-11-28T00:00:00Z"))
                .andExpect(jsonPath("$.alerts_inserted").value(80))
                .andExpect(jsonPath("$.unmapped").value(1))
                .andExpect(jsonPath("$.status").value("succeeded"))
                .andExpect(jsonPath("$.detail.alert_messages").value(90))
                .andExpect(jsonPath("$.detail.recommendations").value(12));
    }

    @Test
    void namesTheBadOrMissingBound() throws Exception {
        mvc.perform(post("/api/ingest/lark/runs").contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"2026-11-29\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("from"));
        mvc.perform(post("/api/ingest/lark/runs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"2026-11-28\",\"to\":\"tomorrow\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("to"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("ISO-8601")));
        when(pipeline.runRequested(eq(TO), eq(FROM))).thenThrow(new IllegalArgumentException("'from' must be before 'to'"));
        mvc.perform(post("/api/ingest/lark/runs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"2026-11-29\",\"to\":\"2026-11-28\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("'from' must be before 'to'"));
    }

    @Test
    void aRunThatCannotStartIsAConflict() throws Exception {
        when(pipeline.runRequested(any(), any())).thenThrow(new LarkPipeline.CannotRun("Lark pipeline run r-0 is already running"));
        mvc.perform(post("/api/ingest/lark/runs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"2026-11-28\",\"to\":\"2026-11-29\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Lark pipeline run r-0 is already running"));
    }

    @Test
    void listsAndFindsRuns() throws Exception {
        IngestRun listed = new IngestRun("r-1", "lark_loader", null, null, FROM, null, "running", 0, 0, 0, 0, 0, 0, null,
                "cli", null);
        when(runs.list(null, 50)).thenReturn(List.of(listed));
        mvc.perform(get("/api/ingest/lark/runs")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].kind").value("lark_loader"))
                .andExpect(jsonPath("$[0].window_from").doesNotExist())
                .andExpect(jsonPath("$[0].detail").doesNotExist());
        mvc.perform(get("/api/ingest/lark/runs?kind=webhook")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("kind"));
        when(runs.find("r-9")).thenReturn(Optional.empty());
        mvc.perform(get("/api/ingest/lark/runs/r-9")).andExpect(status().isNotFound());
        verifyNoInteractions(pipeline);
    }
}
