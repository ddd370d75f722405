package org.vrs.web;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that is down or unreachable from a bug, however deeply Axon, Spring or the
 * driver wrapped the cause: the first is a 503 (retry later), the second a 500.
 */
final class DatabaseFailures {
    private static final int MAX_DEPTH = 32;

    private DatabaseFailures() {
    }

    /**
     * The database failed while the transaction was being committed (or rolled back after a failed
     * commit): it may have committed before the connection broke, so "nothing was stored" would be a lie.
     */
    static boolean duringCommit(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            if (t instanceof TransactionSystemException) {
                return true;
            }
        }
        return false;
    }

    static boolean unavailable(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException || t instanceof SocketException
                    || t instanceof EOFException || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException) {
                return true;
            }
            if (t instanceof SQLException sql && (sql.getSQLState() == null || unavailableState(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** The chain of exception class names (no messages: they may quote values), for the log. */
    static String chain(Throwable failure) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            out.append(depth == 0 ? "" : " <- ").append(t.getClass().getSimpleName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                out.append('(').append(sql.getSQLState()).append(')');
            }
        }
        return out.toString();
    }

    /**
     * A statement the database judged wrong carries an SQLSTATE; one without comes from the
     * connection plumbing, typically the pool's "Connection is closed" after it evicted a connection
     * that broke earlier in the same unit of work. SQLSTATE classes 08 (connection exception: refused, broken, closed), 57P (operator
     * intervention: shutdown, crash, not yet accepting connections) and 53 (out of connections or memory).
     */
    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53"));
    }
}
