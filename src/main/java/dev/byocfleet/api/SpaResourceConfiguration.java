package dev.byocfleet.api;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Takes over Boot's default {@code /**} static resource handler (same locations and cache settings)
 * to add the web app's client-side routes. Ordered first so Boot sees the pattern taken and skips
 * its own registration; controllers and other handlers still win over {@code /**}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE)
class SpaResourceConfiguration implements WebMvcConfigurer {

    private final WebProperties.Resources resources;

    SpaResourceConfiguration(WebProperties webProperties) {
        this.resources = webProperties.getResources();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        if (!resources.isAddMappings()) {
            return;
        }
        WebProperties.Resources.Cache cache = resources.getCache();
        ResourceHandlerRegistration registration = registry.addResourceHandler("/**")
                .addResourceLocations(resources.getStaticLocations())
                .setUseLastModified(cache.isUseLastModified())
                .setCacheControl(cache.getCachecontrol().toHttpCacheControl());
        if (cache.getPeriod() != null) {
            registration.setCachePeriod((int) cache.getPeriod().toSeconds());
        }
        // No resolver cache: every unknown route would stay in it (unbounded) holding index.html.
        registration.resourceChain(false).addResolver(new SpaResourceResolver());
    }
}
