package org.vrs.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Access review for auditors: who read a file, when, in which role, for what purpose, what they
 * saw; and the reverse, every file one user read, which is how an insider who browses files is caught.
 */
@Service
public class AccessReview {
    private final JdbcTemplate jdbc;

    AccessReview(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Read(String eventId, Instant at, String fileId, String ownerAgency, String actorId, String agencyId, String role,
                       String path, String purpose, String basis, String shownInFull, String shownMasked, String policyVersion,
                       boolean breakGlass, boolean refused, String refusal) {
    }

    /** One user's reading in a period, with what marks it as unusual: refusals, break-glass, other agencies' files. */
    public record Reader(String actorId, String agencyId, long reads, long distinctFiles, long refused, long breakGlass,
                         long filesOfOtherAgencies) {
    }

    public record Filter(String fileId, String actorId, String agencyId, Instant from, Instant to, Boolean breakGlass, Boolean refused) {
    }

    public List<Read> reads(Filter f, int page, int size) {
        StringBuilder sql = new StringBuilder("SELECT event_id, read_at, file_id, owner_agency, actor_id, agency_id, role, path, purpose, "
                + "basis, shown_full, shown_masked, policy_version, break_glass, refused, refusal FROM access_review WHERE true");
        List<Object> args = new ArrayList<>();
        where(sql, args, f);
        sql.append(" ORDER BY read_at, event_id LIMIT ? OFFSET ?");
        args.add(size);
        args.add((long) page * size);
        return jdbc.query(sql.toString(), (rs, i) -> new Read(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getBoolean(14), rs.getBoolean(15), rs.getString(16)),
                args.toArray());
    }

    /** Readers in a period, most unusual first. */
    public List<Reader> readers(Filter f, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT actor_id, agency_id, count(*), count(DISTINCT file_id), count(*) FILTER (WHERE refused),
                       count(*) FILTER (WHERE break_glass),
                       count(DISTINCT file_id) FILTER (WHERE refused OR break_glass OR owner_agency <> agency_id AND basis NOT IN ('REFERRAL', 'VERIFICATION'))
                FROM access_review WHERE true""");
        List<Object> args = new ArrayList<>();
        where(sql, args, f);
        sql.append(" GROUP BY actor_id, agency_id ORDER BY 7 DESC, 5 DESC, 3 DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> new Reader(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5), rs.getLong(6), rs.getLong(7)), args.toArray());
    }

    private static void where(StringBuilder sql, List<Object> args, Filter f) {
        add(sql, args, "file_id = ?", f.fileId());
        add(sql, args, "actor_id = ?", f.actorId());
        add(sql, args, "agency_id = ?", f.agencyId());
        add(sql, args, "read_at >= ?", f.from() == null ? null : Timestamp.from(f.from()));
        add(sql, args, "read_at < ?", f.to() == null ? null : Timestamp.from(f.to()));
        add(sql, args, "break_glass = ?", f.breakGlass());
        add(sql, args, "refused = ?", f.refused());
    }

    private static void add(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            args.add(value);
        }
    }
}
