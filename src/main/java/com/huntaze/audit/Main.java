package com.huntaze.audit;

import com.huntaze.audit.cli.HuntazeAudit;
import com.huntaze.audit.cli.Terminal;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the jar. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8));
        int code = HuntazeAudit.execute(args, out, err, Terminal.detect(System.getenv()));
        out.flush();
        err.flush();
        System.exit(code);
    }
}
