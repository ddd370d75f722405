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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.vrs.casefile.FileRefusal;
import org.vrs.imports.FileImports;
import org.vrs.extract.ExtractRefusal;
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
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        return error(status, e.code(), e.getMessage());
    }

    @ExceptionHandler(ExtractRefusal.class)
    ResponseEntity<ApiError> extractRefused(ExtractRefusal e) {
        HttpStatus status = switch (e.kind()) {
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case INTEGRITY -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
        if (e.kind() == ExtractRefusal.Kind.INTEGRITY) {
            log.error("LEDGER INTEGRITY: {}", e.getMessage());
        }
        ResponseEntity<ApiError> response = error(status, e.code(), e.getMessage());
        return status == HttpStatus.SERVICE_UNAVAILABLE
                ? ResponseEntity.status(status).header("Retry-After", "2").body(response.getBody()) : response;
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
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(400, "invalid-field", String.join("; ", violations), violations));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return api(ApiException.fromJson(json));
        }
        return error(HttpStatus.BAD_REQUEST, "malformed-request", "the request body is missing or is not JSON");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> parameterValue(MethodArgumentTypeMismatchException e) {
        boolean path = e.getParameter().hasParameterAnnotation(PathVariable.class);
        return error(HttpStatus.BAD_REQUEST, path ? "invalid-path" : "invalid-parameter", (path ? "path" : "query")
                + " parameter '" + e.getName() + "' must be " + ApiException.expected(e.getRequiredType()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return error(HttpStatus.BAD_REQUEST, "missing-parameter", "query parameter '" + e.getParameterName() + "' is required");
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException e) {
        return error(HttpStatus.BAD_REQUEST, "missing-header", "header '" + e.getHeaderName() + "' is required");
    }

    /** Checked before the handler runs (the command endpoints declare what they produce), so nothing was done. */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return error(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "responses are application/json: accept it, or send no Accept header");
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
    ResponseEntity<ApiError> database(Exception e) {
        return DatabaseFailures.unavailable(e) ? unavailable(e) : internal(e);
    }

    /** A refused import names the file and command that stopped the batch, with the reason as on its own endpoint. */
    @ExceptionHandler(FileImports.Rejected.class)
    ResponseEntity<ApiError> importRejected(FileImports.Rejected e) {
        Throwable cause = e.getCause();
        ResponseEntity<ApiError> inner = cause instanceof FileRefusal r ? refusal(r)
                : cause instanceof JSR303ViolationException v ? invalid(v)
                : cause instanceof CommandExecutionException c ? wrapped(c)
                : cause instanceof Exception other ? unexpected(other) : internal(e);
        ApiError body = inner.getBody();
        if (body == null || !inner.getStatusCode().is4xxClientError()) {
            return inner;
        }
        String at = "file " + e.file() + " (" + e.reference() + "), command " + e.command() + " ("
                + CommandCatalogue.httpName(e.commandType()) + "): ";
        return ResponseEntity.status(inner.getStatusCode()).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(body.status(), body.error(), at + body.message(), body.violations()));
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
        if (DatabaseFailures.unavailable(e)) {
            return unavailable(e);
        }
        if (e instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
            // Spring MVC's own refusals: their detail may quote the value sent, so only the status is named
            HttpStatus status = HttpStatus.valueOf(framework.getStatusCode().value());
            return error(status, "bad-request", "the request was refused: " + status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT));
        }
        return internal(e);
    }

    /** The transaction was rolled back or never began: the client may retry the same request. */
    private static ResponseEntity<ApiError> unavailable(Exception e) {
        if (DatabaseFailures.duringCommit(e)) {
            log.error("database failed during commit, outcome unknown: {}", DatabaseFailures.chain(e));
            return error(HttpStatus.SERVICE_UNAVAILABLE, "outcome-unknown", "the database failed while committing: the change "
                    + "may or may not be stored; read the file (or resend with expectedSequence) before retrying");
        }
        log.error("database unavailable: {}", DatabaseFailures.chain(e));
        return error(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "the database is unavailable: nothing was stored; retry later");
    }

    private static ResponseEntity<ApiError> internal(Exception e) {
        log.error("unexpected failure: {}", e.getClass().getName(), e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "an unexpected error occurred; it has been logged");
    }

    static ResponseEntity<ApiError> error(HttpStatus status, String code, String message) {
        // a preset content type skips Accept negotiation: an error is always readable JSON
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(status.value(), code, message, List.of()));
    }
}
