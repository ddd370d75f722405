package org.vrs.cli;

import java.io.PrintWriter;
import org.vrs.ledger.Divergence;
import org.vrs.ledger.VerificationReport;

/** Prints a verification report for people; returns the exit code it stands for. */
final class ReportPrinter {

    private ReportPrinter() {
    }

    static int print(VerificationReport report, PrintWriter out) {
        if (report instanceof VerificationReport.Verified ok) {
            out.printf("OK: %,d leaves, root %s at tree size %d%n", ok.head().size().value(), ok.head().root(),
                    ok.head().size().value());
            out.printf("  events:      %,d in the store, %,d of them not yet in the ledger (newer than its token)%n",
                    ok.events(), ok.pendingEvents());
            out.printf("  files:       %,d back-link chains complete%n", ok.files());
            out.printf("  nodes:       %,d stored nodes recomputed%n", ok.nodes());
            out.printf("  checkpoints: %,d signatures and roots verified%n", ok.checkpoints());
            out.printf("  time:        %.1f s%n", ok.elapsed().toMillis() / 1000.0);
            if (ok.resumedAt() > 0) {
                out.printf("  resumed:     at leaf %,d; leaves before it were checked by the interrupted run%n", ok.resumedAt());
            }
            return VerifyCommand.OK;
        }
        VerificationReport.Failed failed = (VerificationReport.Failed) report;
        Divergence divergence = failed.divergence();
        out.printf("FAILED at position %d: %s%n", divergence.position(), divergence.check());
        out.println("  " + divergence.message());
        out.printf("  (%,d leaves verified before it, %.1f s)%n", failed.leavesChecked(), failed.elapsed().toMillis() / 1000.0);
        if (failed.resumedAt() > 0) {
            out.printf("  resumed at leaf %,d: leaves before it were checked by the interrupted run%n", failed.resumedAt());
        }
        return VerifyCommand.DIVERGED;
    }
}
