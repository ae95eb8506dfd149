package com.huntaze.audit.cli;

import com.huntaze.audit.collection.InventoryCollector;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** A one-line progress indicator on stderr, shown only when stderr is a terminal (never in logs or pipes). */
final class ProgressLine implements InventoryCollector.ProgressListener {
    private final PrintWriter err;
    private final boolean enabled;

    ProgressLine(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Whether file descriptor 2 is a terminal (Linux and macOS expose it under /dev/fd or /proc). */
    static boolean stderrIsTerminal() {
        for (String fd : new String[] {"/proc/self/fd/2", "/dev/fd/2"}) {
            try {
                String target = Files.readSymbolicLink(Path.of(fd)).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (Exception ignored) {
                // not available on this system: try the next one
            }
        }
        return false;
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
