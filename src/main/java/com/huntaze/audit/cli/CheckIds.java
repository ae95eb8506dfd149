package com.huntaze.audit.cli;

import com.huntaze.audit.engine.CheckRegistry;
import com.huntaze.audit.engine.RegisteredCheck;
import java.util.Iterator;

/**
 * The check ids, for picocli's completion candidates ({@code --checks}, {@code --skip-checks}, {@code explain}). Read
 * from the catalog only when iterated (the completion script is generated, or help shows the candidates), not
 * when a command is built.
 */
final class CheckIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return CheckRegistry.load().checks().stream().map(RegisteredCheck::id).iterator();
    }
}
