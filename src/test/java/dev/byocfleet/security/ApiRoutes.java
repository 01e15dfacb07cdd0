package dev.byocfleet.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every route the running application serves under {@code /api}, {@code /mcp} and {@code /actuator},
 * read from Spring's handler mappings at test time (annotated controllers, actuator endpoints and
 * router functions such as the MCP transport), so a route added later is covered without an edit;
 * plus the webhook route, which a filter serves.
 */
public final class ApiRoutes {

    /**
     * One method and path pattern; {@code consumes} is the media type a body must have, if any;
     * {@code body} whether the handler reads a request body; {@code params} its query parameters.
     */
    public record Route(HttpMethod method, String pattern, MediaType consumes, boolean body, List<String> params) {

        @Override
        public String toString() {
            return method.name() + " " + pattern + (consumes == null ? "" : " [" + consumes + "]");
        }

        /** The pattern with every {variable} replaced by a value that names nothing. */
        public String samplePath() {
            // Digits read as a number or a string id alike, so the role check is reached, not a type error;
            // an {action} is a real action word for the same reason.
            return pattern.replace("{action}", "acknowledge").replaceAll("\\{[^}/]+}", "999999999")
                    .replace("/**", "/x");
        }
    }

    private static final List<HttpMethod> ALL_METHODS =
            List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private ApiRoutes() {
    }

    public static List<Route> of(ApplicationContext context) {
        Set<Route> routes = new TreeSet<>(Comparator.comparing(Route::toString));
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (var entry : mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = entry.getKey();
                boolean body = Arrays.stream(entry.getValue().getMethodParameters())
                        .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class)
                                || HttpServletRequest.class.isAssignableFrom(p.getParameterType()));
                List<String> params = Arrays.stream(entry.getValue().getMethodParameters())
                        .filter(p -> p.hasParameterAnnotation(RequestParam.class))
                        .map(p -> {
                            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
                            String name = rp.name().isEmpty() ? rp.value() : rp.name();
                            return name.isEmpty() ? p.getParameterName() : name;
                        })
                        .filter(Objects::nonNull)
                        .toList();
                Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
                List<HttpMethod> methods = info.getMethodsCondition().getMethods().isEmpty() ? ALL_METHODS
                        : info.getMethodsCondition().getMethods().stream().map(m -> HttpMethod.valueOf(m.name())).toList();
                for (String pattern : info.getPatternValues()) {
                    for (HttpMethod method : methods) {
                        routes.add(new Route(method, pattern, consumes.isEmpty() ? null : consumes.iterator().next(), body, params));
                    }
                }
            }
        }
        for (RouterFunctionMapping mapping : context.getBeansOfType(RouterFunctionMapping.class).values()) {
            RouterFunction<?> function = mapping.getRouterFunction();
            if (function != null) {
                function.accept(new RouteCollector(routes));
            }
        }
        if (context.containsBean("webhookEndpoint")) {
            // served by a filter ahead of Spring MVC (WebhookEndpoint), so no handler mapping lists it
            routes.add(new Route(HttpMethod.POST, "/api/webhooks/{source}", null, true, List.of()));
        }
        return routes.stream().filter(r -> served(r.pattern())).toList();
    }

    private static boolean served(String pattern) {
        return pattern.startsWith("/api/") || pattern.equals("/mcp") || pattern.startsWith("/mcp/")
                || pattern.startsWith("/actuator");
    }

    /** Flattens each router-function route into its methods and paths (the MCP transport's are plain). */
    private static final class RouteCollector implements RouterFunctions.Visitor {

        private final Set<Route> routes;
        private final List<String> prefixes = new ArrayList<>();

        RouteCollector(Set<Route> routes) {
            this.routes = routes;
        }

        @Override
        public void startNested(RequestPredicate predicate) {
            PredicateParts parts = PredicateParts.of(predicate);
            prefixes.add(parts.paths.isEmpty() ? "" : parts.paths.getFirst());
        }

        @Override
        public void endNested(RequestPredicate predicate) {
            prefixes.removeLast();
        }

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
            PredicateParts parts = PredicateParts.of(predicate);
            String prefix = String.join("", prefixes);
            List<String> paths = parts.paths.isEmpty() ? List.of(prefix) : parts.paths.stream().map(p -> prefix + p).toList();
            List<HttpMethod> methods = parts.methods.isEmpty() ? ALL_METHODS : List.copyOf(parts.methods);
            for (String path : paths) {
                for (HttpMethod method : methods) {
                    routes.add(new Route(method, path, null, method != HttpMethod.GET, List.of()));
                }
            }
        }

        @Override
        public void resources(Function<ServerRequest, java.util.Optional<Resource>> lookupFunction) {
            // static resources are the web app's business, not a token route
        }

        @Override
        public void attributes(Map<String, Object> attributes) {
            // nothing to collect
        }

        @Override
        public void unknown(RouterFunction<?> routerFunction) {
            throw new IllegalStateException("a router function this test cannot read: " + routerFunction);
        }
    }

    private static final class PredicateParts implements RequestPredicates.Visitor {

        final List<String> paths = new ArrayList<>();
        final Set<HttpMethod> methods = new TreeSet<>(Comparator.comparing(HttpMethod::name));

        static PredicateParts of(RequestPredicate predicate) {
            PredicateParts parts = new PredicateParts();
            predicate.accept(parts);
            return parts;
        }

        @Override
        public void method(Set<HttpMethod> methods) {
            this.methods.addAll(methods);
        }

        @Override
        public void path(String pattern) {
            paths.add(pattern);
        }

        @Override
        public void pathExtension(String extension) {
        }

        @Override
        public void header(String name, String value) {
        }

        @Override
        public void param(String name, String value) {
        }

        @Override
        public void version(String version) {
        }

        @Override
        public void startAnd() {
        }

        @Override
        public void and() {
        }

        @Override
        public void endAnd() {
        }

        @Override
        public void startOr() {
        }

        @Override
        public void or() {
        }

        @Override
        public void endOr() {
        }

        @Override
        public void startNegate() {
        }

        @Override
        public void endNegate() {
        }

        @Override
        public void unknown(RequestPredicate predicate) {
        }
    }
}
