package dev.byocfleet.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.byocfleet.api.InvalidParameterException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Parameters in, JSON out. Servlet filters are left out so this does not depend on the security
 * configuration (which requires a token on /api/alerts).
 */
@WebMvcTest(AlertController.class)
@AutoConfigureMockMvc(addFilters = false)
class AlertControllerTest {

    static final LocalDateTime T = LocalDateTime.of(2026, 11, 29, 4, 30, 2, 819_723_000);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AlertService service;

    @Test
    void bindsEveryParameterAsTheApiSpellsIt() throws Exception {
        when(service.alerts(any())).thenReturn(new AlertPage(List.of(), 2, 10, 0));
        mvc.perform(get("/api/alerts").param("page", "2").param("size", "10").param("sort", "severity,desc")
                        .param("from", "2026-11-29T00:00:00Z").param("to", "2026-11-30").param("source", "grafana,lark")
                        .param("status", "firing").param("severity", "critical").param("cluster_id", "c-1")
                        .param("org_id", "org-1").param("tier", "s").param("q", "Disk").param("unparsed", "false"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"items\": [], \"page\": 2, \"size\": 10, \"total\": 0}"));
        ArgumentCaptor<AlertQuery> q = ArgumentCaptor.forClass(AlertQuery.class);
        verify(service).alerts(q.capture());
        assertThat(q.getValue()).isEqualTo(new AlertQuery(2, 10, AlertQuery.SortField.SEVERITY, true,
                LocalDateTime.of(2026, 11, 29, 0, 0), LocalDateTime.of(2026, 11, 30, 0, 0), List.of("grafana", "lark"),
                List.of("firing"), List.of("critical"), "c-1", "org-1", "S", "disk", false));
    }

    @Test
    void listItemsAreSnakeCase() throws Exception {
        when(service.alerts(any())).thenReturn(new AlertPage(List.of(new AlertSummary("m1", "alertmanager", "firing",
                "critical", "BE Service Suspension", "c-1", "sr-prod-01", "org-1", "S", "sr-prod-01", "10.0.0.11:8040",
                "BE down", T, null, T.plusSeconds(30), "parsed", null, "fp", null)), 0, 50, 1));
        mvc.perform(get("/api/alerts"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"items": [{"message_id": "m1", "source": "alertmanager", "status": "firing",
                          "severity": "critical", "alert_name": "BE Service Suspension", "cluster_id": "c-1",
                          "cluster_name": "sr-prod-01", "org_id": "org-1", "tier": "S", "cluster_ref": "sr-prod-01",
                          "node": "10.0.0.11:8040", "summary": "BE down", "starts_at": "2026-11-29T04:30:02.819723",
                          "ends_at": null, "received_at": "2026-11-29T04:30:32.819723", "parse_status": "parsed",
                          "parse_error": null, "fingerprint": "fp", "issue_id": null}],
                         "page": 0, "size": 50, "total": 1}""", org.springframework.test.json.JsonCompareMode.STRICT));
    }

    @Test
    void detailKeepsLabelAndAnnotationKeysAsTheyWereAndTheRawPayloadAsText() throws Exception {
        when(service.alert("m1")).thenReturn(Optional.of(new AlertDetail("m1", "grafana", "{}:{}", "fp", "firing",
                "warning", "X", null, null, null, null, "sr-unknown", null, "<b>s</b>", null,
                Map.of("alertName", "X", "grafana_folder", "StarRocks"), Map.of("grafana_values", "{\"A\":1}"),
                T, null, "fp", null, T, "parsed", null, "webhook-grafana-2026112904-ab", null,
                "{\"labels\":{\"alertName\":\"X\"}}")));
        mvc.perform(get("/api/alerts/m1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.labels.alertName").value("X"))
                .andExpect(jsonPath("$.labels.grafana_folder").value("StarRocks"))
                .andExpect(jsonPath("$.annotations.grafana_values").value("{\"A\":1}"))
                .andExpect(jsonPath("$.raw_payload").value("{\"labels\":{\"alertName\":\"X\"}}"))
                .andExpect(jsonPath("$.summary").value("<b>s</b>"))
                .andExpect(jsonPath("$.source_message_id").value("{}:{}"))
                .andExpect(jsonPath("$.ingest_run_id").value("webhook-grafana-2026112904-ab"));
    }

    @Test
    void anUnknownAlertIsANotFoundProblem() throws Exception {
        when(service.alert("0".repeat(64))).thenReturn(Optional.empty());
        mvc.perform(get("/api/alerts/" + "0".repeat(64)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void aMalformedIdIsABadRequestNamingIt() throws Exception {
        when(service.alert("a b")).thenThrow(new InvalidParameterException("message_id", "message_id must be ..."));
        mvc.perform(get("/api/alerts/a b"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("message_id"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"size=0, size", "size=201, size", "size=abc, size", "page=-1, page", "page=1.5, page",
            "sort=password, sort", "from=yesterday, from", "to=2026-02-30, to", "status=open, status",
            "severity=p1, severity", "tier=Z, tier", "unparsed=maybe, unparsed", "'source=a;b', source"})
    void rejectsBadParametersWithAProblemNamingTheParameter(String query, String parameter) throws Exception {
        String[] kv = query.split("=", 2);
        mvc.perform(get("/api/alerts").param(kv[0], kv[1]))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.parameter").value(parameter))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }
}
