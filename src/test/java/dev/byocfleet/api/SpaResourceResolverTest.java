package dev.byocfleet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

class SpaResourceResolverTest {

    @ParameterizedTest(name = "''{0}'' is a client route: {1}")
    @CsvSource({
            "overview, true", "issues/42, true", "/raw-alerts, true", "'', true", "apis/x, true",
            "assets/app.js, false", "favicon.ico, false", "issues/v1.2, false",
            "api, false", "api/fleet/nope, false", "actuator/health, false", "mcp, false", "v3/api-docs, false"})
    void clientRoutesAreExtensionlessPathsOutsideTheServersOwnPrefixes(String path, boolean clientRoute) {
        assertThat(SpaResourceResolver.isClientRoute(path)).isEqualTo(clientRoute);
    }

    @Test
    void answersIndexHtmlForAClientRoute() throws Exception {
        MockHttpServletResponse response = serve("static/", "issues/42");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString()).contains("spa-index");
    }

    @Test
    void servesAnExistingFileAsItIs() throws Exception {
        assertThat(serve("static/", "assets/app.js").getContentAsString()).contains("test asset");
    }

    @Test
    void resolvesNothingForAMissingFile() {
        assertThatThrownBy(() -> serve("static/", "assets/missing.js")).isInstanceOf(NoResourceFoundException.class);
    }

    @Test
    void resolvesNothingForAClientRouteWhenTheWebAppIsNotBuilt() {
        // the fleet/ test folder has no index.html, like a backend built with -Dskip.web=true
        assertThatThrownBy(() -> serve("fleet/", "overview")).isInstanceOf(NoResourceFoundException.class);
    }

    private static MockHttpServletResponse serve(String location, String path) throws Exception {
        ResourceHttpRequestHandler handler = new ResourceHttpRequestHandler();
        handler.setLocations(List.of(new ClassPathResource(location)));
        handler.setResourceResolvers(List.of(new SpaResourceResolver()));
        handler.setServletContext(new MockServletContext());
        handler.afterPropertiesSet();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/" + path);
        request.setAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE, path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        handler.handleRequest(request, response);
        return response;
    }
}
