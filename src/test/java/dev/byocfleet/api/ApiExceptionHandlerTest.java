package dev.byocfleet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@WebMvcTest(controllers = ApiExceptionHandlerTest.ProbeController.class)
@Import(ApiExceptionHandlerTest.ProbeController.class)
class ApiExceptionHandlerTest {

    /** Fails in each way the handler must answer. */
    @RestController
    @RequestMapping("/probe")
    static class ProbeController {

        record Window(@NotBlank String fromTime, @Min(1) int hours) {
        }

        @GetMapping("/boom")
        void boom() {
            throw new IllegalStateException("SELECT password_hash FROM alerts.users WHERE email = 'x'");
        }

        @GetMapping("/store-down")
        void storeDown() {
            throw new CannotGetJdbcConnectionException("no connection", new SQLException("Connection refused"));
        }

        @GetMapping("/missing")
        void missing() {
            throw new NotFoundException("No widget 'w-1'.");
        }

        @GetMapping("/invalid")
        void invalid() {
            throw new InvalidParameterException("limit", "limit must be positive");
        }

        @GetMapping("/forbidden")
        void forbidden() {
            throw new ForbiddenException("Operators and admins only.");
        }

        @GetMapping("/conflict")
        void conflict() {
            throw new ConflictException("A widget 'w-1' exists.");
        }

        @GetMapping("/typed")
        int typed(@RequestParam int count) {
            return count;
        }

        @GetMapping("/constrained")
        int constrained(@RequestParam(name = "max_rows") @Min(1) int maxRows) {
            return maxRows;
        }

        @PostMapping("/window")
        Window window(@Valid @RequestBody Window window) {
            return window;
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void unexpectedFailureIsA500WithoutStackTraceExceptionNameOrMessage() throws Exception {
        String body = mvc.perform(get("/probe/boom"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(500))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Map<String, Object>>read(body, "$").keySet())
                .isSubsetOf("type", "title", "status", "detail", "instance");
        assertThat(JsonPath.<String>read(body, "$.detail")).isEqualTo("An unexpected error occurred; it has been logged.");
        assertThat(body).doesNotContain("IllegalStateException", "java.", "SELECT", "password", "alerts.users",
                "\tat ", "trace", "exception");
    }

    @Test
    void storeOutageIsA503WithRetryAfter() throws Exception {
        String body = mvc.perform(get("/probe/store-down"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", ApiExceptionHandler.RETRY_AFTER_SECONDS))
                .andExpect(jsonPath("$.status").value(503))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("Connection refused", "CannotGetJdbcConnectionException");
    }

    @Test
    void notFoundExceptionIsA404ProblemWithItsMessage() throws Exception {
        mvc.perform(get("/probe/missing"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("No widget 'w-1'."))
                .andExpect(jsonPath("$.instance").value("/probe/missing"));
    }

    @Test
    void invalidParameterIsA400NamingIt() throws Exception {
        mvc.perform(get("/probe/invalid"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("limit"))
                .andExpect(jsonPath("$.detail").value("limit must be positive"));
    }

    @Test
    void forbiddenIsA403ProblemWithItsMessage() throws Exception {
        mvc.perform(get("/probe/forbidden"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Operators and admins only."));
    }

    @Test
    void conflictIsA409ProblemWithItsMessage() throws Exception {
        mvc.perform(get("/probe/conflict"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("A widget 'w-1' exists."));
    }

    @Test
    void parameterOfTheWrongTypeIsA400NamingIt() throws Exception {
        mvc.perform(get("/probe/typed").param("count", "many"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.parameter").value("count"));
    }

    @Test
    void missingParameterIsA400NamingIt() throws Exception {
        mvc.perform(get("/probe/typed"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("count"));
    }

    @Test
    void parameterBreakingAConstraintIsA400NamingItAsSent() throws Exception {
        mvc.perform(get("/probe/constrained").param("max_rows", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("max_rows"))
                .andExpect(jsonPath("$.errors[0].field").value("max_rows"));
    }

    @Test
    void bodyFieldBreakingAConstraintIsA400NamingItInSnakeCase() throws Exception {
        mvc.perform(post("/probe/window").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from_time\": \" \", \"hours\": 3}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("from_time"))
                .andExpect(jsonPath("$.errors[0].field").value("from_time"));
    }

    @Test
    void bodyFieldOfTheWrongTypeIsA400NamingIt() throws Exception {
        mvc.perform(post("/probe/window").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from_time\": \"2025-06-01T00:00:00Z\", \"hours\": \"many\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("hours"));
    }

    @Test
    void malformedBodyIsA400WithoutParserInternals() throws Exception {
        String body = mvc.perform(post("/probe/window").contentType(MediaType.APPLICATION_JSON).content("{\"from_time\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("jackson", "Exception");
    }

    @Test
    void snakeCaseFollowsTheJsonNaming() {
        assertThat(ApiExceptionHandler.snakeCase("fromTime")).isEqualTo("from_time");
        assertThat(ApiExceptionHandler.snakeCase("ccu7dValue")).isEqualTo("ccu7d_value");
        assertThat(ApiExceptionHandler.snakeCase("hours")).isEqualTo("hours");
    }
}
