package org.vrs.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns every bodiless error into the JSON error contract: {@code sendError} from the security
 * chain or the URL firewall would otherwise forward to an error page that the security chain
 * itself refuses (an empty 401), and an authentication entry point only sets a status.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class JsonErrorFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Wrapper wrapped = new Wrapper(response);
        chain.doFilter(request, wrapped);
        if (!wrapped.bodyStarted && !response.isCommitted() && response.getStatus() >= 400) {
            ErrorBodies.write(response, response.getStatus(), ErrorBodies.generic(response.getStatus()));
        }
    }

    private static final class Wrapper extends HttpServletResponseWrapper {
        private boolean bodyStarted;

        Wrapper(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String reason) throws IOException {
            if (isCommitted()) {
                throw new IllegalStateException("response already committed");
            }
            bodyStarted = true;
            ErrorBodies.write((HttpServletResponse) getResponse(), status, ErrorBodies.generic(status));
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            bodyStarted = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            bodyStarted = true;
            return super.getWriter();
        }
    }
}
