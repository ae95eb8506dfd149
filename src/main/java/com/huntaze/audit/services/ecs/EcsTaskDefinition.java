package com.huntaze.audit.services.ecs;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ECS task definition revision, from DescribeTaskDefinition: the size of its tasks and the images its
 * containers run (the image strings only: nothing else of the container definitions, never their environment).
 *
 * @param cpu                   the task-level CPU as AWS returns it: CPU units ({@code 256} = 0.25 vCPU) or, as
 *                              registered, {@code 1 vCPU}; null when only the containers set CPU (EC2 tasks)
 * @param memory                the task-level memory: MiB ({@code 512}) or, as registered, {@code 2 GB}; null when
 *                              only the containers set it
 * @param cpuArchitecture       {@code X86_64} or {@code ARM64}; null when not set (x86)
 * @param operatingSystemFamily e.g. {@code LINUX}, {@code WINDOWS_SERVER_2022_CORE}; null when not set (Linux)
 * @param images                each container's image as written in the task definition
 *                              ({@code 123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.4}, {@code nginx:1.25}), in
 *                              container order, each once
 */
public record EcsTaskDefinition(
        String arn,
        String family,
        int revision,
        String cpu,
        String memory,
        List<String> requiresCompatibilities,
        String cpuArchitecture,
        String operatingSystemFamily,
        List<String> images) {

    private static final Pattern AMOUNT = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)\\s*");

    public EcsTaskDefinition {
        requiresCompatibilities = requiresCompatibilities == null ? List.of() : List.copyOf(requiresCompatibilities);
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** The task's vCPUs (CPU units / 1024), or null when the task definition sets no task-level CPU. */
    public Double vcpus() {
        return amount(cpu, "vcpu", 1024);
    }

    /** The task's memory in GB (MiB / 1024), or null when the task definition sets no task-level memory. */
    public Double memoryGb() {
        return amount(memory, "gb", 1024);
    }

    /** {@code family:revision}, as people name a task definition. */
    public String name() {
        return family + ":" + revision;
    }

    /** A plain number is in the small unit (CPU units, MiB); with a unit ({@code 1 vCPU}, {@code 2 GB}) it is whole. */
    private static Double amount(String text, String bigUnit, int smallPerBig) {
        if (text == null) {
            return null;
        }
        Matcher m = AMOUNT.matcher(text);
        if (!m.matches()) {
            return null;
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        if (unit.isEmpty()) {
            return value / smallPerBig;
        }
        return unit.equals(bigUnit) ? value : null;
    }
}
