package org.vrs.web;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** Refusals made below Spring MVC answer with the same JSON error contract. */
@Configuration(proxyBeanMethods = false)
class ErrorBodyConfiguration {

    /** The security firewall's refusal of a non-normalised URL or a forbidden character in it. */
    @Bean
    RequestRejectedHandler jsonRequestRejected() {
        return (request, response, rejected) -> ErrorBodies.write(response, HttpServletResponse.SC_BAD_REQUEST,
                ErrorBodies.body(400, "rejected-url", "the URL is refused: it is not normalised (// or /./ or /../) "
                        + "or holds a ';', an encoded '/', '\\', '%' or a control character"));
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonTomcatErrors() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        });
    }
}
