package org.vrs.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.vrs.casefile.FileRefusal;
import org.vrs.ledger.ProofException;
import org.vrs.ledger.ProofFailure;
import org.vrs.ledger.TreeSizeUnavailableException;
import org.vrs.protection.ProtectionException;

/**
 * Every failure becomes a 4xx or 503 with a sentence naming the problem, in one place. Nothing
 * here echoes request values or stack traces.
 */
@RestControllerAdvice
class ErrorMapping {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        return error(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler(FileRefusal.class)
    ResponseEntity<ApiError> refusal(FileRefusal e) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case RULE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        return error(status, e.code(), e.getMessage());
    }

    @ExceptionHandler(ProofException.class)
    ResponseEntity<ApiError> proof(ProofException e) {
        ProofFailure failure = e.failure();
        String code = failure instanceof ProofFailure.IndexBeyondSize ? "index-beyond-size"
                : failure instanceof ProofFailure.SizeOrder ? "size-order" : "invalid-proof";
        return error(HttpStatus.BAD_REQUEST, code, e.getMessage());
    }

    @ExceptionHandler(TreeSizeUnavailableException.class)
    ResponseEntity<ApiError> sizeBeyondLog(TreeSizeUnavailableException e) {
        return error(HttpStatus.BAD_REQUEST, "size-beyond-log", e.getMessage());
    }

    @ExceptionHandler(JSR303ViolationException.class)
    ResponseEntity<ApiError> invalid(JSR303ViolationException e) {
        List<String> violations = e.getViolations().stream()
                .map(v -> "field '" + v.getPropertyPath() + "' " + v.getMessage()).sorted().toList();
        return ResponseEntity.badRequest().body(new ApiError(400, "invalid-field", String.join("; ", violations), violations));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return api(ApiException.fromJson(json));
        }
        return error(HttpStatus.BAD_REQUEST, "malformed-request", "the request body is missing or is not JSON");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> pathValue(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, "invalid-path", "path parameter '" + e.getName() + "' is not valid");
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ApiError> notFound(AggregateNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, "unknown-file", "no file " + e.getAggregateIdentifier());
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ApiError> staleSequence(ConflictingAggregateVersionException e) {
        return error(HttpStatus.CONFLICT, "sequence-conflict", "expected sequence " + e.getExpectedVersion()
                + " but file " + e.getAggregateIdentifier() + " is at sequence " + e.getActualVersion() + ": reload and retry");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ApiError> concurrent(ConcurrencyException e) {
        return error(HttpStatus.CONFLICT, "sequence-conflict", "another change to this file was stored first: reload and retry");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> denied(AccessDeniedException e) {
        return error(HttpStatus.FORBIDDEN, "forbidden", "not allowed");
    }

    @ExceptionHandler({HttpRequestMethodNotSupportedException.class})
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "method " + e.getMethod() + " is not supported here");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "send Content-Type: application/json");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
        return error(HttpStatus.NOT_FOUND, "not-found", "no such endpoint");
    }

    @ExceptionHandler(ProtectionException.KeyUnavailable.class)
    ResponseEntity<ApiError> noKey(ProtectionException e) {
        log.error("write refused, no key: {}", e.getMessage());
        return error(HttpStatus.SERVICE_UNAVAILABLE, "key-unavailable", "encryption keys are unavailable: nothing was stored");
    }

    /** Stored data failed authentication: never answered with possibly wrong data. Names the event only. */
    @ExceptionHandler(ProtectionException.IntegrityViolation.class)
    ResponseEntity<ApiError> integrity(ProtectionException.IntegrityViolation e) {
        log.error("INTEGRITY VIOLATION: {}", e.getMessage());
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "integrity-violation", e.getMessage());
    }

    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ApiError> database(RuntimeException e) {
        log.error("database unavailable: {}", e.getClass().getSimpleName());
        return error(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "the database is unavailable: nothing was stored; retry later");
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ApiError> wrapped(CommandExecutionException e) {
        if (e.getCause() instanceof FileRefusal refusal) {
            return refusal(refusal);
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientException || t instanceof java.net.ConnectException
                    || t instanceof org.postgresql.util.PSQLException p && p.getSQLState() != null && p.getSQLState().startsWith("08")) {
                return database(new org.springframework.dao.DataAccessResourceFailureException("connection"));
            }
        }
        log.error("unexpected failure: {}", e.getClass().getName(), e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "an unexpected error occurred; it has been logged");
    }

    static ResponseEntity<ApiError> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), code, message, List.of()));
    }
}
