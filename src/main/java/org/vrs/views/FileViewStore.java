package org.vrs.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.vrs.casefile.RuleBook;
import org.vrs.casefile.api.DataCategory;
import org.vrs.protection.ViewSealer;

/**
 * The file-view projection's tables: the sealed document, and the clear case-administration
 * columns, grants, blind name index, regimes and deadlines derived from it.
 */
@Repository
class FileViewStore {
    static final String PURPOSE = "file-view";

    private final JdbcTemplate jdbc;
    private final ViewSealer sealer;
    private final RuleBook rules;

    FileViewStore(JdbcTemplate jdbc, ViewSealer sealer, RuleBook rules) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.rules = rules;
    }

    /** The stored view; empty if none; a view with only case administration if the file was erased. */
    Optional<FileView> load(String fileId) {
        List<byte[]> docs = jdbc.query("SELECT document FROM file_view WHERE file_id = ?", (rs, i) -> {
            byte[] d = rs.getBytes(1);
            return d == null ? new byte[0] : d;
        }, fileId);
        if (docs.isEmpty()) {
            return Optional.empty();
        }
        if (docs.get(0).length == 0) {
            return Optional.of(FileView.empty(fileId));
        }
        return Optional.of(sealer.open(fileId, PURPOSE, docs.get(0)).map(FileView::fromJson).orElseGet(() -> FileView.empty(fileId)));
    }

    void save(String fileId, FileView view, Instant at) {
        ObjectNode admin = view.section(DataCategory.CASE_ADMIN);
        boolean shredded = admin.path("shredded").asBoolean(false);
        byte[] document = shredded ? null : sealer.seal(fileId, PURPOSE, view.toJson());
        jdbc.update("""
                INSERT INTO file_view (file_id, file_number, status, closed, shredded, owner_agency, province, channel,
                                       received_on, risk_level, last_sequence, updated_at, document)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)
                ON CONFLICT (file_id) DO UPDATE SET file_number = EXCLUDED.file_number, status = EXCLUDED.status,
                  closed = EXCLUDED.closed, shredded = EXCLUDED.shredded, owner_agency = EXCLUDED.owner_agency,
                  province = EXCLUDED.province, channel = EXCLUDED.channel, received_on = EXCLUDED.received_on,
                  risk_level = EXCLUDED.risk_level, last_sequence = EXCLUDED.last_sequence,
                  updated_at = EXCLUDED.updated_at, document = EXCLUDED.document""",
                fileId, text(admin, "fileNumber"), text(admin, "status"), admin.path("closed").asBoolean(false), shredded,
                text(admin, "owner"), text(admin, "province"), text(admin, "channel"), date(admin.path("receivedOn")),
                text(admin, "riskLevel"), view.lastSequence(), Timestamp.from(at), document);
        for (String table : List.of("file_grant", "file_name_index", "file_support_regime", "file_deadline")) {
            jdbc.update("DELETE FROM " + table + " WHERE file_id = ?", fileId);
        }
        if (shredded) {
            return;
        }
        saveGrants(fileId, view);
        saveNames(fileId, view);
        for (JsonNode c : view.section(DataCategory.SUPPORT).path("cases")) {
            jdbc.update("INSERT INTO file_support_regime (file_id, regime) VALUES (?, ?) ON CONFLICT DO NOTHING", fileId,
                    c.path("regime").asText());
        }
        for (Deadlines.Deadline d : Deadlines.of(view, rules)) {
            jdbc.update("INSERT INTO file_deadline (file_id, kind, ref, due_on, met_on) VALUES (?,?,?,?,?)",
                    fileId, d.kind().name(), d.ref(), Date.valueOf(d.dueOn()), d.metOn() == null ? null : Date.valueOf(d.metOn()));
        }
    }

    void deleteAll() {
        for (String table : List.of("file_view", "file_grant", "file_name_index", "file_support_regime", "file_deadline")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    private void saveGrants(String fileId, FileView view) {
        ObjectNode protection = view.section(DataCategory.CONSENT_PROTECTION);
        List<String> withdrawn = new ArrayList<>();
        java.util.Map<String, String> consentExpiry = new java.util.HashMap<>();
        protection.path("consents").forEach(c -> {
            if (c.path("withdrawn").asBoolean()) {
                withdrawn.add(c.path("consentId").asText());
            }
            if (c.hasNonNull("expiresOn")) {
                consentExpiry.put(c.path("consentId").asText(), c.path("expiresOn").asText());
            }
        });
        for (JsonNode r : protection.path("referrals")) {
            String state = r.path("state").asText();
            boolean live = (state.equals("MADE") || state.equals("ACCEPTED")) && !withdrawn.contains(r.path("consentId").asText());
            TreeSet<String> categories = new TreeSet<>();
            r.path("categories").forEach(c -> categories.add(c.asText()));
            // a referral on consent alone ends when the consent does
            String expires = r.path("expiresOn").asText();
            String consentEnds = r.hasNonNull("legalBasis") ? null : consentExpiry.get(r.path("consentId").asText());
            if (consentEnds != null && consentEnds.compareTo(expires) < 0) {
                expires = consentEnds;
            }
            jdbc.update("INSERT INTO file_grant (file_id, grant_id, agency, basis, categories, expires_on, live) VALUES (?,?,?,?,?,?,?)",
                    fileId, r.path("referralId").asText(), r.path("recipientAgency").asText(), "REFERRAL",
                    String.join(",", categories), Date.valueOf(LocalDate.parse(expires)), live);
        }
        JsonNode verification = view.section(DataCategory.CASE_ADMIN).path("verification");
        if (verification.has("agency")) {
            // the verifying agency must read the file to verify it: a legal basis (Law 53/2024 identification duty)
            jdbc.update("INSERT INTO file_grant (file_id, grant_id, agency, basis, categories, expires_on, live) VALUES (?,?,?,?,?,?,?)",
                    fileId, "verification", verification.path("agency").asText(), "VERIFICATION",
                    "CASE_ADMIN,IDENTITY,WHEREABOUTS,TRAFFICKING_ACCOUNT,FAMILY,LEGAL,CONSENT_PROTECTION", null, true);
        }
    }

    private void saveNames(String fileId, FileView view) {
        List<String> names = new ArrayList<>();
        JsonNode identity = view.section(DataCategory.IDENTITY).path("current");
        if (identity.has("fullName")) {
            names.add(identity.path("fullName").asText());
        }
        identity.path("otherNames").forEach(n -> names.add(n.asText()));
        for (String name : names) {
            jdbc.update("INSERT INTO file_name_index (file_id, name_hmac) VALUES (?, ?) ON CONFLICT DO NOTHING", fileId,
                    sealer.blindIndex(name));
        }
    }

    private static String text(ObjectNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Date date(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : Date.valueOf(LocalDate.parse(node.asText()));
    }
}
