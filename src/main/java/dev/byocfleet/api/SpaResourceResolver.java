package dev.byocfleet.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * Serves static files as they are and answers {@code index.html} for client-side routes of the web
 * app ({@code /issues/42}, {@code /overview}), so deep links and reloads work. A client route is a
 * path outside the server's own prefixes whose last segment has no file extension. Without an
 * {@code index.html} (a backend built with -Dskip.web=true) it resolves nothing, which is a plain 404.
 */
class SpaResourceResolver extends PathResourceResolver {

    static final String INDEX = "index.html";
    /** First path segments the server answers itself; a miss below them is a real 404. */
    private static final Set<String> SERVER_PREFIXES = Set.of("api", "actuator", "mcp", "v3");

    @Override
    protected @Nullable Resource resolveResourceInternal(@Nullable HttpServletRequest request, String requestPath,
                                                         List<? extends Resource> locations,
                                                         ResourceResolverChain chain) {
        Resource file = super.resolveResourceInternal(request, requestPath, locations, chain);
        if (file != null || !isClientRoute(requestPath)) {
            return file;
        }
        return super.resolveResourceInternal(request, INDEX, locations, chain);
    }

    static boolean isClientRoute(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        int slash = p.indexOf('/');
        String first = slash < 0 ? p : p.substring(0, slash);
        if (SERVER_PREFIXES.contains(first)) {
            return false;
        }
        String last = p.substring(p.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
