package org.vrs.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses request bodies over the documented limit before anything reads them. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {
    private final long maxBytes;
    private final long maxImportBytes;

    RequestSizeLimit(@Value("${vrs.max-request-bytes:65536}") long maxBytes,
                     @Value("${vrs.import.max-request-bytes:16777216}") long maxImportBytes) {
        this.maxBytes = maxBytes;
        this.maxImportBytes = maxImportBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        long maxBytes = "/api/v1/imports".equals(request.getRequestURI()) ? maxImportBytes : this.maxBytes; // a batch of whole files
        boolean chunked = length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (length > maxBytes || chunked) {
            ErrorBodies.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, ErrorBodies.body(413, "too-large",
                    "request bodies are limited to " + maxBytes + " bytes and need a Content-Length"));
            return;
        }
        chain.doFilter(request, response);
    }
}
