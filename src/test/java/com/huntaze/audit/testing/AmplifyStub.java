package com.huntaze.audit.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * moto 5.2.1 has no Amplify at all (its server answers 500, "Unable to find appropriate backend"): the loopback
 * proxy answers ListApps ({@code GET /apps}) and ListBranches ({@code GET /apps/APPID/branches}) instead, in the
 * Amplify API's REST-JSON shape (App and Branch as the API reference describes them, timestamps in epoch seconds),
 * environment variable values included, as AWS returns them.
 */
public final class AmplifyStub {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BRANCHES = Pattern.compile("^/apps/([^/?]+)/branches(?:\\?.*)?$");
    private static final long CREATED = 1_767_225_600L; // 2026-01-01T00:00:00Z

    private final String region;
    private final List<App> apps = new ArrayList<>();

    private AmplifyStub(String region) {
        this.region = region;
    }

    /** The Amplify apps of {@code region}; none until {@link #app} adds some. */
    public static AmplifyStub in(String region) {
        return new AmplifyStub(region);
    }

    /** Answers every region's ListApps with no app: an account that does not use Amplify. */
    public static void noApps(StubProxy proxy) {
        proxy.when(r -> r.service().equals("amplify") && isListApps(r.path()),
                StubProxy.Response.json("{\"apps\":[]}"));
    }

    /** An app of this region. */
    public App app(String appId, String name, String platform) {
        App app = new App(appId, name, platform);
        apps.add(app);
        return app;
    }

    /** Answers this region's ListApps and each app's ListBranches from the proxy. */
    public void install(StubProxy proxy) {
        proxy.when(r -> r.service().equals("amplify") && r.region().equals(region) && isListApps(r.path()),
                StubProxy.Response.json(listApps()));
        for (App app : apps) {
            proxy.when(r -> r.service().equals("amplify") && r.region().equals(region) && appOf(r.path())
                    .equals(app.appId), StubProxy.Response.json(app.listBranches()));
        }
    }

    private static boolean isListApps(String path) {
        return path.equals("/apps") || path.startsWith("/apps?");
    }

    private static String appOf(String path) {
        Matcher m = BRANCHES.matcher(path);
        return m.matches() ? m.group(1) : "";
    }

    private String listApps() {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("apps");
        for (App app : apps) {
            ObjectNode a = list.addObject();
            a.put("appId", app.appId);
            a.put("appArn", app.arn());
            a.put("name", app.name);
            a.put("description", "");
            a.put("repository", "https://github.com/huntaze/" + app.name);
            a.put("platform", app.platform);
            a.put("createTime", CREATED);
            a.put("updateTime", CREATED);
            if (app.serviceRole != null) {
                a.put("iamServiceRoleArn", app.serviceRole);
            }
            if (app.computeRole != null) {
                a.put("computeRoleArn", app.computeRole);
            }
            a.set("environmentVariables", JSON.valueToTree(app.variables));
            a.put("defaultDomain", app.appId + ".amplifyapp.com");
            a.put("enableBranchAutoBuild", true);
            a.put("enableBasicAuth", app.basicAuth != null);
            if (app.basicAuth != null) {
                a.put("basicAuthCredentials", app.basicAuth);
            }
        }
        return body.toString();
    }

    /** One app: its roles, its variables (names and values), its branches. */
    public final class App {
        private final String appId;
        private final String name;
        private final String platform;
        private String serviceRole;
        private String computeRole;
        private String basicAuth;
        private final Map<String, String> variables = new LinkedHashMap<>();
        private final List<Branch> branches = new ArrayList<>();

        private App(String appId, String name, String platform) {
            this.appId = appId;
            this.name = name;
            this.platform = platform;
        }

        public App serviceRole(String arn) { serviceRole = arn; return this; }
        public App computeRole(String arn) { computeRole = arn; return this; }
        public App variable(String variable, String value) { variables.put(variable, value); return this; }
        /** Basic auth on, with these credentials (ListApps returns them, base64 user:password). */
        public App basicAuth(String credentials) { basicAuth = credentials; return this; }

        /** A branch with these variables, as name, value, name, value, ... */
        public App branch(String branchName, String branchComputeRole, String... namesAndValues) {
            Map<String, String> vars = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                vars.put(namesAndValues[i], namesAndValues[i + 1]);
            }
            branches.add(new Branch(branchName, branchComputeRole, vars));
            return this;
        }

        String arn() {
            return "arn:aws:amplify:" + region + ":123456789012:apps/" + appId;
        }

        private String listBranches() {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode list = body.putArray("branches");
            for (Branch b : branches) {
                ObjectNode branch = list.addObject();
                branch.put("branchArn", arn() + "/branches/" + b.name());
                branch.put("branchName", b.name());
                branch.put("description", "");
                branch.put("stage", "PRODUCTION");
                branch.put("displayName", b.name());
                branch.put("enableNotification", false);
                branch.put("createTime", CREATED);
                branch.put("updateTime", CREATED);
                branch.set("environmentVariables", JSON.valueToTree(b.variables()));
                branch.put("enableAutoBuild", true);
                branch.putArray("customDomains");
                branch.put("framework", "Next.js - SSR");
                branch.put("activeJobId", "1");
                branch.put("totalNumberOfJobs", "1");
                branch.put("enableBasicAuth", false);
                branch.put("ttl", "5");
                branch.put("enablePullRequestPreview", false);
                if (b.computeRole() != null) {
                    branch.put("computeRoleArn", b.computeRole());
                }
            }
            return body.toString();
        }
    }

    private record Branch(String name, String computeRole, Map<String, String> variables) {
    }
}
