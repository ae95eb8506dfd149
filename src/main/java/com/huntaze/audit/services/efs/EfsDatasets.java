package com.huntaze.audit.services.efs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/** The datasets of the efs service. */
public final class EfsDatasets {
    private EfsDatasets() {
    }

    /** Every file system of the region (DescribeFileSystems). */
    public static final Dataset<List<EfsFileSystem>> FILE_SYSTEMS =
            new Dataset<>("efs.fileSystems", Scope.REGIONAL, "elasticfilesystem", new TypeReference<>() { });
}
