package dev.byocfleet.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LarkBotMessagesTest {

    @Test
    void signatureMatchesLarksWorkedExample() {
        // refs/formats/lark/custom-bot-sign-worked-example.txt: timestamp 1599360473, secret "demo"
        assertThat(LarkBotMessages.sign(1599360473L, "demo")).isEqualTo("l1N0gAcBjdwBvGm1xMjOF0XSyaLRpR7tuO5dHfhAYc8=");
        // the common mistake (key = secret, message = timestamp + "\n" + secret) is what Lark rejects
        assertThat(LarkBotMessages.sign(1599360473L, "demo")).isNotEqualTo("DkEDUyVoOOJ539qBvUgMyzkzIdRWlf4e/V3Rq+ONJnQ=");
    }

    @Test
    void signedCardCarriesTimestampAndSignLikeTheRecordedRequest() throws Exception {
        String body = LarkBotMessages.card("Title", "red", "**hello**", 1599360473L, "demo");
        String recorded;
        try (var in = getClass().getResourceAsStream("/settings/lark/custom-bot-webhook.signed-card-request.json")) {
            recorded = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(JsonPath.<Map<String, Object>>read(body, "$").keySet())
                .containsExactlyElementsOf(JsonPath.<Map<String, Object>>read(recorded, "$").keySet());
        assertThat(JsonPath.<String>read(body, "$.sign")).isEqualTo(JsonPath.<String>read(recorded, "$.sign"));
        assertThat(JsonPath.<String>read(body, "$.timestamp")).isEqualTo("1599360473");
        assertThat(JsonPath.<String>read(body, "$.sign")).isEqualTo("l1N0gAcBjdwBvGm1xMjOF0XSyaLRpR7tuO5dHfhAYc8=");
        assertThat(JsonPath.<String>read(body, "$.msg_type")).isEqualTo("interactive");
        assertThat(JsonPath.<String>read(body, "$.card.header.title.tag")).isEqualTo("plain_text");
        assertThat(JsonPath.<String>read(body, "$.card.header.template")).isEqualTo("red");
        assertThat(JsonPath.<Map<String, Object>>read(body, "$.card.elements[0]"))
                .isEqualTo(Map.of("tag", "div", "text", Map.of("tag", "lark_md", "content", "**hello**")));
    }

    @Test
    void unsignedCardHasNoTimestampOrSign() {
        String body = LarkBotMessages.card("Title", "blue", "text", 1599360473L, null);
        assertThat(JsonPath.<Map<String, Object>>read(body, "$")).containsOnlyKeys("msg_type", "card");
    }
}
