package org.vrs.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.vrs.ledger.VerifyProgress;

/**
 * Progress of a long {@code verify} on stderr: on a terminal (or with {@code --progress}) one line
 * redrawn in place with {@code \r}; otherwise, for logs, one line per report.
 */
final class ProgressBar implements VerifyProgress {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean redraw;
    private int lastLength;

    ProgressBar(PrintWriter err, boolean redraw) {
        this.err = err;
        this.redraw = redraw;
    }

    @Override
    public void report(long checked, long total, double perSecond, Duration remaining) {
        if (!redraw) {
            err.printf("  %,d / %,d leaves (%,.0f leaves/s, about %d s left)%n", checked, total, perSecond, remaining.toSeconds());
            err.flush();
            return;
        }
        String line = line(checked, total, perSecond, remaining);
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        err.flush();
        lastLength = line.length();
    }

    /** Ends the redrawn line, so that what follows starts on a line of its own. */
    void finish() {
        if (redraw && lastLength > 0) {
            err.println();
            err.flush();
            lastLength = 0;
        }
    }

    static String line(long checked, long total, double perSecond, Duration remaining) {
        double fraction = total == 0 ? 1 : Math.min(1, (double) checked / total);
        int filled = (int) Math.round(fraction * WIDTH);
        return String.format("[%s%s] %5.1f%%  %,d / %,d leaves  %,.0f leaves/s  ETA %s", "#".repeat(filled),
                "-".repeat(WIDTH - filled), fraction * 100, checked, total, perSecond, eta(remaining));
    }

    private static String eta(Duration remaining) {
        long s = remaining.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
