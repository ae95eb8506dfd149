package com.huntaze.audit.services.repo;

import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.services.repo.iac.HclBlock;
import com.huntaze.audit.services.repo.iac.IacFiles;
import com.huntaze.audit.services.repo.iac.IacFinding;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * repo.terraform-remote-state: each Terraform root module keeps its state in a remote, locked backend. A root module
 * is a folder of {@code .tf} files with a {@code provider} or a {@code resource}, that no other folder calls with a
 * local {@code module} source. The finding's resourceId is the folder; its location the file holding the
 * {@code terraform} block (or the module's first file when there is none).
 */
public final class RepoTerraformRemoteStateCheck extends IacCheck {
    private static final Set<String> REMOTE_BACKENDS = Set.of("remote", "gcs", "azurerm");

    public RepoTerraformRemoteStateCheck() {
        super("repo.terraform-remote-state", Reads.TERRAFORM);
    }

    @Override
    void judgeCode(CheckContext ctx, Repository repository, IacFiles iac, List<Finding> findings) {
        Set<String> called = iac.calledModuleFolders();
        for (IacFiles.TerraformModule module : iac.terraformModules()) {
            boolean declaresInfrastructure = !module.blocks("provider").isEmpty()
                    || !module.blocks("resource").isEmpty();
            if (declaresInfrastructure && !called.contains(module.folder())) {
                findings.add(judge(ctx, repository, module));
            }
        }
    }

    private static Finding judge(CheckContext ctx, Repository repository, IacFiles.TerraformModule module) {
        String folder = module.folder().isEmpty() ? "." : module.folder();
        List<IacFiles.Located> settings = module.blocks("terraform");
        String path = settings.isEmpty() ? module.files().keySet().iterator().next() : settings.get(0).path();
        int line = settings.isEmpty() ? 0 : settings.get(0).block().line();
        Optional<IacFiles.Located> cloud = settings.stream()
                .flatMap(t -> t.block().blocks("cloud").stream().map(c -> new IacFiles.Located(t.path(), c)))
                .findFirst();
        Optional<IacFiles.Located> backend = settings.stream()
                .flatMap(t -> t.block().blocks("backend").stream().map(b -> new IacFiles.Located(t.path(), b)))
                .findFirst();
        Finding finding;
        if (cloud.isPresent()) {
            line = cloud.get().block().line();
            finding = ctx.ok(folder, null, "State is kept in HCP Terraform (cloud block).",
                    Evidence.of("Backend", "cloud"));
        } else if (backend.isEmpty()) {
            finding = ctx.nok(folder, null, "No backend: state is a local terraform.tfstate file, on one laptop or"
                    + " committed, with no locking and no history.", Evidence.of("Backend", "local (none declared)"));
        } else {
            HclBlock block = backend.get().block();
            line = block.line();
            path = backend.get().path();
            String type = block.label(0);
            if (type.equals("s3")) {
                boolean dynamoDbLock = block.attribute("dynamodb_table").isPresent();
                boolean lockFile = block.attribute("use_lockfile").map(HclBlock.Attribute::isTrue).orElse(false);
                var evidence = Evidence.of("Backend", "s3", "Locking", dynamoDbLock ? "dynamodb_table"
                        : lockFile ? "use_lockfile" : "none");
                finding = dynamoDbLock || lockFile
                        ? ctx.ok(folder, null, "State is kept in S3, with locking.", evidence)
                        : ctx.nok(folder, null, "State is kept in S3 without locking (no dynamodb_table, no"
                        + " use_lockfile = true): two applies at once corrupt it.", evidence);
            } else if (REMOTE_BACKENDS.contains(type)) {
                finding = ctx.ok(folder, null, "State is kept in the " + type + " backend.",
                        Evidence.of("Backend", type));
            } else {
                finding = ctx.nok(folder, null, "Backend " + type + " is not a remote, locked backend.",
                        Evidence.of("Backend", type));
            }
        }
        return IacFinding.at(finding, repository, IacFinding.TERRAFORM, path, line);
    }
}
