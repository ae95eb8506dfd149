package com.huntaze.audit.cli;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the process's standard output is. The rule: standard output is a terminal when file descriptor 1 is a
 * terminal device ({@code /proc/self/fd/1} or {@code /dev/fd/1} links to {@code /dev/pts/*} or {@code /dev/tty*}),
 * whatever standard input is. Java 17's {@code System.console()} is not used: it is null as soon as standard input
 * is redirected ({@code huntaze-audit check < /dev/null}), although the output still goes to a person. Where neither
 * link exists (Windows), output is taken for a pipe, and the Markdown report is printed as before.
 */
public final class Terminal {
    /** What a pipe, a file, or an in-process test's writer is: not a terminal. */
    public static final Terminal NONE = new Terminal(false, 100, true);
    private static final int DEFAULT_WIDTH = 100;

    private final boolean stdoutIsTerminal;
    private Integer width;
    private final boolean colourAllowed;

    private Terminal(boolean stdoutIsTerminal, Integer width, boolean colourAllowed) {
        this.stdoutIsTerminal = stdoutIsTerminal;
        this.width = width;
        this.colourAllowed = colourAllowed;
    }

    /** A terminal of the given width, for tests. */
    static Terminal of(boolean stdoutIsTerminal, int width, boolean colourAllowed) {
        return new Terminal(stdoutIsTerminal, width, colourAllowed);
    }

    /**
     * This process's standard output, with {@code env}'s {@code COLUMNS} and {@code NO_COLOR} (any non-empty value
     * turns colour off, as no-color.org says).
     */
    public static Terminal detect(Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        return new Terminal(isTerminal(1), columns(env.get("COLUMNS")), noColor == null || noColor.isEmpty());
    }

    /** Whether file descriptor {@code fd} is a terminal (Linux and macOS expose it under /proc or /dev/fd). */
    static boolean isTerminal(int fd) {
        for (String link : new String[] {"/proc/self/fd/" + fd, "/dev/fd/" + fd}) {
            try {
                String target = Files.readSymbolicLink(Path.of(link)).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (Exception ignored) {
                // not available on this system: try the next one
            }
        }
        return false;
    }

    public boolean stdoutIsTerminal() {
        return stdoutIsTerminal;
    }

    public boolean colourAllowed() {
        return colourAllowed;
    }

    /** Columns: {@code COLUMNS}, else what {@code stty size} says of the terminal, else 100. Asked only when used. */
    public synchronized int width() {
        if (width == null) {
            width = sttyColumns();
        }
        return width;
    }

    private static Integer columns(String text) {
        try {
            int columns = text == null ? 0 : Integer.parseInt(text.strip());
            return columns > 0 ? columns : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int sttyColumns() {
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (stty.waitFor(2, TimeUnit.SECONDS) && stty.exitValue() == 0) {
                String[] size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip()
                        .split("\\s+");
                Integer columns = size.length == 2 ? columns(size[1]) : null;
                if (columns != null) {
                    return columns;
                }
            } else {
                stty.destroyForcibly();
            }
        } catch (Exception ignored) {
            // no stty, no /dev/tty: the default
        }
        return DEFAULT_WIDTH;
    }
}
