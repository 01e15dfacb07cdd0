package dev.byocfleet.ingest.webhook;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.CannotCreateTransactionException;

/** How the controller answers what the intake decides; filters left out so any security setup is moot. */
@WebMvcTest(WebhookController.class)
@AutoConfigureMockMvc(addFilters = false)
class WebhookControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    WebhookIntake intake;

    @Test
    void answersTheReceiptAsSnakeCaseJson() throws Exception {
        when(intake.receive(eq("alertmanager"), any())).thenReturn(new WebhookReceipt(3, 2, 1, 1, 4));
        mvc.perform(post("/api/webhooks/alertmanager").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"received": 3, "inserted": 2, "duplicates": 1, "unmapped": 1, "truncated_alerts": 4}"""));
    }

    @Test
    void aRejectionIsAProblemWithItsStatusParameterAndHeaders() throws Exception {
        HttpHeaders h = new HttpHeaders();
        h.add(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"byoc-fleet webhooks\"");
        when(intake.receive(eq("grafana"), any())).thenThrow(
                new WebhookRejection(HttpStatus.UNAUTHORIZED, "no", "Authorization", h));
        mvc.perform(post("/api/webhooks/grafana").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"byoc-fleet webhooks\""))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.parameter").value("Authorization"))
                .andExpect(jsonPath("$.detail").value("no"));
    }

    @Test
    void aStoreThatIsDownIsA503WithRetryAfter() throws Exception {
        when(intake.receive(eq("alertmanager"), any())).thenThrow(new CannotGetJdbcConnectionException("pool exhausted"));
        mvc.perform(post("/api/webhooks/alertmanager").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "10"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The alert store is unavailable; nothing was stored. Deliver again later."));
        when(intake.receive(eq("grafana"), any())).thenThrow(new CannotCreateTransactionException("down"));
        mvc.perform(post("/api/webhooks/grafana").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "10"));
    }

    @Test
    void anythingUnforeseenIsARetryable503NeverA500() throws Exception {
        when(intake.receive(eq("alertmanager"), any())).thenThrow(new NullPointerException("bug"));
        mvc.perform(post("/api/webhooks/alertmanager").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("bug"))));
    }

    @Test
    void onlyPostIsAllowed() throws Exception {
        mvc.perform(get("/api/webhooks/alertmanager")).andExpect(status().isMethodNotAllowed());
    }
}
