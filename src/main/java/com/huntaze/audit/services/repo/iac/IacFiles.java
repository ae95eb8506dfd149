package com.huntaze.audit.services.repo.iac;

import com.huntaze.audit.services.repo.Repository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * The infrastructure code of one repository, each file parsed once per audit and shared by the IaC checks:
 * CloudFormation templates, Terraform modules (one per folder of {@code .tf} files), ECS JSON (service or task
 * definitions), and the files of each kind that did not parse.
 */
public final class IacFiles {
    /** Parsed views by repository; weak, so an audit's parse goes with its inventory. */
    private static final Map<Repository, IacFiles> PARSED = Collections.synchronizedMap(new WeakHashMap<>());

    /** A file of a kind that did not parse: the parser's reason (no file text) and its line (0: unknown). */
    public record ParseFailure(String path, String reason, int line) {
    }

    /** A folder of {@code .tf} files: Terraform's unit, a module. */
    public record TerraformModule(String folder, Map<String, HclBlock> files) {
        /** The top-level blocks of every file of the module, with the file each is in. */
        public List<Located> blocks(String type) {
            List<Located> found = new ArrayList<>();
            files.forEach((path, body) -> body.blocks(type).forEach(b -> found.add(new Located(path, b))));
            return found;
        }

        /** {@code resource "TYPE" "NAME"} blocks of the module. */
        public List<Located> resources(String resourceType) {
            return blocks("resource").stream().filter(b -> b.block().label(0).equals(resourceType)).toList();
        }

        /** The literal default of {@code variable "name"}, when the module declares one. */
        public Optional<HclBlock.Attribute> variableDefault(String name) {
            return blocks("variable").stream().filter(v -> v.block().label(0).equals(name)).findFirst()
                    .flatMap(v -> v.block().attribute("default"));
        }
    }

    /** A block and the file it is in. */
    public record Located(String path, HclBlock block) {
    }

    /** A parsed JSON or YAML document and its file. */
    public record Document(String path, CfnNode root) {
    }

    private final List<CfnTemplate> templates = new ArrayList<>();
    private final List<ParseFailure> templateFailures = new ArrayList<>();
    private final List<TerraformModule> modules = new ArrayList<>();
    private final List<ParseFailure> terraformFailures = new ArrayList<>();
    private final List<Document> ecsJson = new ArrayList<>();
    private final List<ParseFailure> ecsJsonFailures = new ArrayList<>();

    private IacFiles() {
    }

    /** The repository's parsed infrastructure code (parsed on the first call, then shared). */
    public static IacFiles of(Repository repository) {
        return PARSED.computeIfAbsent(repository, IacFiles::parse);
    }

    private static IacFiles parse(Repository repository) {
        IacFiles parsed = new IacFiles();
        Map<String, Map<String, HclBlock>> terraform = new LinkedHashMap<>();
        for (Repository.SourceFile file : repository.files()) {
            String path = file.path();
            String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
            if (file.binary()) {
                continue;
            }
            if (name.endsWith(".tf")) {
                String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
                Map<String, HclBlock> files = terraform.computeIfAbsent(folder, f -> new LinkedHashMap<>());
                repository.text(file).ifPresentOrElse(text -> {
                    try {
                        files.put(path, HclParser.parse(text));
                    } catch (IacParseException e) {
                        parsed.terraformFailures.add(new ParseFailure(path, e.getMessage(), e.line()));
                    }
                }, () -> parsed.terraformFailures.add(new ParseFailure(path, "not UTF-8 text", 0)));
            } else if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")
                    || name.endsWith(".template")) {
                repository.text(file).ifPresent(text -> parsed.readDocument(path, name, text));
            }
        }
        terraform.forEach((folder, files) -> {
            if (!files.isEmpty()) {
                parsed.modules.add(new TerraformModule(folder, Collections.unmodifiableMap(files)));
            }
        });
        return parsed;
    }

    private void readDocument(String path, String name, String text) {
        // Only files that can be a template or an ECS definition are parsed: a 20,000-file repository has many
        // package.json and workflow files, none of which says AWS::.
        boolean templateLike = text.contains("AWSTemplateFormatVersion")
                || text.contains("Resources") && text.contains("AWS::");
        boolean ecsLike = name.endsWith(".json") && (text.contains("\"assignPublicIp\"")
                || text.contains("\"containerDefinitions\""));
        if (!templateLike && !ecsLike) {
            return;
        }
        try {
            boolean json = name.endsWith(".json") || name.endsWith(".template") && text.stripLeading().startsWith("{");
            CfnNode root = json ? CfnParser.parseJson(text) : CfnParser.parseYaml(text);
            if (CfnTemplate.isTemplate(root)) {
                templates.add(new CfnTemplate(path, root));
            } else if (ecsLike) {
                ecsJson.add(new Document(path, root));
            }
        } catch (IacParseException e) {
            (templateLike ? templateFailures : ecsJsonFailures).add(new ParseFailure(path, e.getMessage(), e.line()));
        }
    }

    public List<CfnTemplate> templates() {
        return templates;
    }

    public List<ParseFailure> templateFailures() {
        return templateFailures;
    }

    public List<TerraformModule> terraformModules() {
        return modules;
    }

    public List<ParseFailure> terraformFailures() {
        return terraformFailures;
    }

    public List<Document> ecsJson() {
        return ecsJson;
    }

    public List<ParseFailure> ecsJsonFailures() {
        return ecsJsonFailures;
    }

    /**
     * The module folders another module calls with a local {@code source} ({@code "./modules/router"},
     * {@code "../router"}): these are not root modules, whatever they declare.
     */
    public java.util.Set<String> calledModuleFolders() {
        java.util.Set<String> called = new java.util.HashSet<>();
        for (TerraformModule module : modules) {
            for (Located call : module.blocks("module")) {
                call.block().attribute("source").flatMap(HclBlock.Attribute::string)
                        .filter(s -> s.startsWith("./") || s.startsWith("../"))
                        .ifPresent(s -> called.add(Path.of(module.folder().isEmpty() ? "." : module.folder())
                                .resolve(s).normalize().toString().replace('\\', '/').replaceFirst("/$", "")));
            }
        }
        return called;
    }
}
