package com.huntaze.audit.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * One repository of the report ({@code repositories[]}, with {@code --repo}): the runbook's discovery table.
 *
 * @param name           its folder name: the {@code location.repository} of its findings
 * @param path           as given to {@code --repo}
 * @param headCommit     the HEAD commit's full id; absent without git metadata
 * @param infrastructure the infrastructure code found, by kind (amplify, cloudformation, terraform, kubernetes, cdk,
 *                       codebuild, ecs-task-definition, serverless): the files' paths, relative to the repository;
 *                       only the kinds found
 * @param skipped        what was not read as text
 */
@JsonPropertyOrder({"name", "path", "headCommit", "infrastructure", "skipped"})
public record RepositorySummary(String name, String path, @JsonInclude(JsonInclude.Include.NON_NULL) String headCommit,
                                Map<String, List<String>> infrastructure, Skipped skipped) {

    /**
     * @param tooLarge files over 5 MB, not judged
     * @param binary   binary files, judged by their names only
     * @param symlinks symbolic links leaving the repository (or leading nowhere), not judged
     */
    @JsonPropertyOrder({"tooLarge", "binary", "symlinks"})
    public record Skipped(int tooLarge, int binary, int symlinks) {
    }
}
