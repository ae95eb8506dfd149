package com.huntaze.audit.services.repo;

import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * repo.secret-files: secret material judged in a repository is NOK, one finding per file: a data file under a folder
 * named secrets-backup, secret-backup or secrets; a key store (*.p12, *.pfx); an SSH private key (id_rsa...); a .env
 * file other than a template (.env.example, .env.sample, .env.template); any text file with a {@code -----BEGIN ...
 * PRIVATE KEY-----} line (a *.pem holding a key), at that line. A repository without any gets one OK.
 */
public final class RepoSecretFilesCheck extends RepositoryCheck<RepositoryScan> {

    public RepoSecretFilesCheck() {
        super("repo.secret-files", RepoDatasets.SCANS);
    }

    @Override
    List<Finding> judge(CheckContext ctx, RepositoryScan scan) {
        List<Finding> findings = new ArrayList<>();
        Repository repository = scan.repository();
        Map<String, SecretMark> privateKeys = new LinkedHashMap<>();
        for (SecretMark mark : scan.marks()) {
            if (mark.kind() == SecretMark.Kind.PRIVATE_KEY) {
                privateKeys.putIfAbsent(mark.path(), mark);
            }
        }
        for (Repository.SourceFile file : repository.files()) {
            String why = RepoPaths.secretByName(file.path());
            SecretMark key = privateKeys.get(file.path());
            if (why == null && key == null) {
                continue;
            }
            String what = why != null ? why : "a private key (" + key.shown() + " on line " + key.line() + ")";
            Integer line = why == null ? Integer.valueOf(key.line()) : null;
            findings.add(RepoFindings.at(ctx.nok(file.path(), null, file.path() + " is secret material in the"
                    + " repository: " + what + ". Every clone has it: delete it from the repository and its"
                    + " history, and rotate what it held.", Evidence.of("Repository", repository.name(), "Rule",
                    what, "Line", line)), repository, file.path(), line));
        }
        if (findings.isEmpty()) {
            findings.add(RepoFindings.clean(ctx, repository, "No secret file in " + repository.name()
                    + " (secrets folders, private keys, key stores, .env files).",
                    RepoFindings.filesRead(repository)));
        }
        return findings;
    }
}
