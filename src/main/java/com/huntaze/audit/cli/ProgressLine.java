package com.huntaze.audit.cli;

import com.huntaze.audit.collection.InventoryCollector;
import java.io.PrintWriter;

/** A one-line progress indicator on stderr, shown only when stderr is a terminal (never in logs or pipes). */
final class ProgressLine implements InventoryCollector.ProgressListener {
    private final PrintWriter err;
    private final boolean enabled;

    ProgressLine(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Whether file descriptor 2 is a terminal. */
    static boolean stderrIsTerminal() {
        return Terminal.isTerminal(2);
    }

    @Override
    public synchronized void onProgress(int done, int total) {
        if (enabled) {
            err.print("\rCollecting inventory: " + done + "/" + total + " datasets");
            err.flush();
        }
    }

    synchronized void clear() {
        if (enabled) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
