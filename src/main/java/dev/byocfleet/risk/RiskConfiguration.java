package dev.byocfleet.risk;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RiskConfiguration {

    /** Zero open critical issues everywhere, until the issues feature provides its own bean. */
    @Bean
    @ConditionalOnMissingBean(OpenCriticalIssues.class)
    OpenCriticalIssues noOpenCriticalIssues() {
        return asOf -> Map.of();
    }
}
