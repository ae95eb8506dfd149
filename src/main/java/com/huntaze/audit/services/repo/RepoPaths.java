package com.huntaze.audit.services.repo;

import java.util.Locale;
import java.util.Set;

/**
 * The path rules of repo.state-files and repo.secret-files, in one place: repo.history-secrets applies the same
 * rules to the paths of the history.
 */
public final class RepoPaths {
    private RepoPaths() {
    }

    /** Folders whose data files are exported secrets. */
    static final Set<String> SECRET_FOLDERS = Set.of("secrets-backup", "secret-backup", "secrets");
    /**
     * The data files of a secret folder: a code file there ({@code secrets/loader.ts}) is code about secrets, not
     * one. Files without an extension count (an exported {@code credentials}).
     */
    static final Set<String> DATA_EXTENSIONS = Set.of("json", "yaml", "yml", "txt", "env", "csv", "ini", "conf",
            "cfg", "properties", "xml", "toml", "");
    /** The .env files meant to be committed: a template of names with placeholder values. */
    static final Set<String> ENV_TEMPLATES = Set.of(".env.example", ".env.sample", ".env.template");

    /** Whether {@code path} is a Terraform state: {@code *.tfstate}, {@code *.tfstate.backup}, {@code terraform.tfstate.d/**}. */
    public static boolean isTerraformState(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".tfstate") || lower.endsWith(".tfstate.backup")
                || lower.startsWith("terraform.tfstate.d/") || lower.contains("/terraform.tfstate.d/");
    }

    /**
     * Why {@code path} is secret material by its name alone, or null: a data file under a secrets folder, a key store
     * ({@code *.p12}, {@code *.pfx}), an SSH private key ({@code id_rsa} and the like), a {@code .env} file that is
     * not a template. A {@code *.pem}
     * (or any file) is one when it holds a private key line, which the reader marks ({@link SecretMark.Kind#PRIVATE_KEY}).
     */
    public static String secretByName(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        String name = lower.substring(lower.lastIndexOf('/') + 1);
        String[] folders = lower.split("/");
        for (int i = 0; i < folders.length - 1; i++) {
            if (SECRET_FOLDERS.contains(folders[i]) && DATA_EXTENSIONS.contains(extension(name))) {
                return "a data file under " + folders[i] + "/";
            }
        }
        if (name.endsWith(".p12") || name.endsWith(".pfx")) {
            return "a PKCS#12 key store";
        }
        if (name.equals("id_rsa") || name.equals("id_dsa") || name.equals("id_ecdsa") || name.equals("id_ed25519")) {
            return "an SSH private key";
        }
        if ((name.equals(".env") || name.startsWith(".env.") || name.endsWith(".env")) && !ENV_TEMPLATES.contains(name)) {
            return "an environment file (.env) that is not a template";
        }
        return null;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1);
    }
}
