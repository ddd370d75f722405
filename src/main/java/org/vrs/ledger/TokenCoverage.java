package org.vrs.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Which events the ledger's processor has passed, from its stored token. Leaves and token are
 * written in one transaction, so in a consistent store every leaf's event is covered by the token,
 * and every event the token has passed has a leaf; events beyond it are the integrator's lag.
 *
 * <p>While a replay token is stored (a new processor catching up, or a reset), the two differ: a
 * leaf may lie up to where the token was before the reset (its upper bound), while events are
 * passed only up to where processing is now (its lower bound).
 */
final class TokenCoverage {

    private record Segment(GapAwareTrackingToken passed, GapAwareTrackingToken reached) {
    }

    private final List<Segment> segments;

    private TokenCoverage(List<Segment> segments) {
        this.segments = segments;
    }

    static TokenCoverage read(Connection connection) throws SQLException {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        List<Segment> segments = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT segment, token, token_type FROM token_entry WHERE processor_name = ? ORDER BY segment")) {
            ps.setString(1, LedgerIntegrator.PROCESSING_GROUP);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] bytes = rs.getBytes(2);
                    if (bytes != null) {
                        TrackingToken token = serializer.deserialize(
                                new SimpleSerializedObject<>(bytes, byte[].class, rs.getString(3), null));
                        segments.add(segment(token, rs.getInt(1)));
                    }
                }
            }
        }
        return new TokenCoverage(segments);
    }

    private static Segment segment(TrackingToken token, int segment) {
        if (token instanceof ReplayToken replay) {
            GapAwareTrackingToken current = gapAware(WrappedToken.unwrapLowerBound(replay.getCurrentToken()), segment);
            GapAwareTrackingToken atReset = gapAware(WrappedToken.unwrapUpperBound(replay.getTokenAtReset()), segment);
            boolean resetIsFurther = current == null || atReset != null && atReset.getIndex() > current.getIndex();
            return new Segment(current, resetIsFurther ? atReset : current);
        }
        GapAwareTrackingToken plain = gapAware(token, segment);
        return new Segment(plain, plain);
    }

    private static GapAwareTrackingToken gapAware(TrackingToken token, int segment) {
        if (token == null || token instanceof GapAwareTrackingToken) {
            return (GapAwareTrackingToken) token;
        }
        throw new IllegalStateException("the ledger's token of segment " + segment + " holds a "
                + token.getClass().getName() + ", not a GapAwareTrackingToken");
    }

    /** Whether a leaf for this event can legitimately exist: the token has reached it. */
    boolean reached(long globalIndex) {
        return segments.stream().anyMatch(s -> covers(s.reached(), globalIndex));
    }

    /** Whether the processor has passed this event, so that it must have a leaf. */
    boolean passed(long globalIndex) {
        return segments.stream().anyMatch(s -> covers(s.passed(), globalIndex));
    }

    private static boolean covers(GapAwareTrackingToken token, long globalIndex) {
        return token != null && token.getIndex() >= globalIndex && !token.getGaps().contains(globalIndex);
    }

    String describe() {
        if (segments.isEmpty()) {
            return "(none)";
        }
        StringBuilder text = new StringBuilder();
        for (Segment segment : segments) {
            text.append(text.length() == 0 ? "" : "; ").append(describe(segment.reached()));
            if (segment.passed() != segment.reached()) {
                text.append(" (replaying, at ").append(describe(segment.passed())).append(')');
            }
        }
        return text.toString();
    }

    private static String describe(GapAwareTrackingToken token) {
        if (token == null) {
            return "the start";
        }
        return "index " + token.getIndex() + (token.getGaps().isEmpty() ? "" : " with gaps " + token.getGaps());
    }
}
