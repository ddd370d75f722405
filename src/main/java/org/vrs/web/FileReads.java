package org.vrs.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.vrs.access.AccessDecision;
import org.vrs.access.AccessLog;
import org.vrs.access.Actor;
import org.vrs.access.Disclosure;
import org.vrs.access.FileAccessPolicy;
import org.vrs.access.FileScope;
import org.vrs.casefile.api.DataCategory;
import org.vrs.views.FileQueries;

/**
 * The one gate every read of a single file passes: a purpose is required, scope is decided, a
 * refusal is recorded and answered as "not found", and a granted read is recorded with what it showed.
 */
@Component
class FileReads {
    private static final Pattern PURPOSE = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");

    private final FileQueries queries;
    private final FileAccessPolicy policy;
    private final AccessLog accessLog;
    private final Clock clock;

    FileReads(FileQueries queries, FileAccessPolicy policy, AccessLog accessLog, Clock clock) {
        this.queries = queries;
        this.policy = policy;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** A granted read: the decision and the file's scope, so the caller can record it after redacting. */
    record Grant(FileScope scope, AccessDecision.Granted decision) {
    }

    Grant authorise(Actor actor, String fileId, String path, String purpose, String breakGlass) {
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "purpose-required",
                    "reading a file needs header X-VRS-Purpose: a purpose code of 3-64 lower-case letters, digits and '-'");
        }
        FileScope scope = queries.scope(fileId).orElse(null);
        AccessDecision decision = scope == null ? new AccessDecision.Refused("no such file")
                : policy.decide(actor, scope, LocalDate.now(clock), breakGlass);
        if (decision instanceof AccessDecision.Refused refused) {
            accessLog.refused(actor, fileId, path, purpose, refused.reason());
            throw new ApiException(HttpStatus.NOT_FOUND, "not-in-scope", "no file " + fileId + " in your scope");
        }
        return new Grant(scope, (AccessDecision.Granted) decision);
    }

    /** Records the read with the disclosure actually applied (narrowed to the path's categories). */
    void record(Actor actor, Grant grant, String path, String purpose, Map<DataCategory, Disclosure> applied) {
        accessLog.read(actor, grant.scope(), path, purpose,
                new AccessDecision.Granted(grant.decision().basis(), applied, grant.decision().breakGlassReason()));
    }

    String policyVersion() {
        return policy.policyVersion();
    }
}
