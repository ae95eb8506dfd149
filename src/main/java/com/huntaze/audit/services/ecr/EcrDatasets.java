package com.huntaze.audit.services.ecr;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/** The datasets of the ecr service, each filled by one of its collectors. */
public final class EcrDatasets {
    private EcrDatasets() {
    }

    public static final Dataset<EcrRegistryScanning> REGISTRY_SCANNING =
            new Dataset<>("ecr.registryScanning", Scope.REGIONAL, "ecr", new TypeReference<>() { });

    public static final Dataset<List<EcrRepository>> REPOSITORIES =
            new Dataset<>("ecr.repositories", Scope.REGIONAL, "ecr", new TypeReference<>() { });

    /** The scans of the images the region's ACTIVE ECS services run from this account's ECR, each image once. */
    public static final Dataset<List<EcrImageScan>> IMAGE_SCANS =
            new Dataset<>("ecr.imageScans", Scope.REGIONAL, "ecr", new TypeReference<>() { });
}
