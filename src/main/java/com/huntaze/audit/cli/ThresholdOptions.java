package com.huntaze.audit.cli;

import com.huntaze.audit.engine.CatalogException;
import com.huntaze.audit.engine.CheckRegistry;
import com.huntaze.audit.engine.Threshold;
import com.huntaze.audit.services.ServiceCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code check} command's threshold aliases ({@code --idle-days N} for {@code --threshold idleDays=N}), made
 * from the thresholds the checks declare when the command is built: a flag's name, help, default and range live
 * only in its {@link Threshold}. Building {@code check} therefore loads the check classes; {@code --version} and the
 * other commands never build it.
 */
public final class ThresholdOptions implements CommandLine.IModelTransformer {

    @Override
    public CommandSpec transform(CommandSpec spec) {
        try {
            for (Threshold threshold : CheckRegistry.thresholdsOf(ServiceCatalog.current().checks()).values()) {
                if (threshold.flag() != null) {
                    spec.addOption(alias(threshold));
                }
            }
        } catch (CatalogException e) {
            // A broken catalog is reported, with its exit code, when the command runs and loads the registry.
        }
        return spec;
    }

    static OptionSpec alias(Threshold threshold) {
        String label = threshold.unit().equals("days") ? "DAYS" : "N";
        String description = threshold.description().strip().replaceFirst("\\.$", "")
                + " (default: " + threshold.defaultValue() + "; " + threshold.min() + " to " + threshold.max() + " "
                + threshold.unit() + "). Same as --threshold " + threshold.key() + "=" + label + ".";
        return OptionSpec.builder(threshold.flag())
                .type(Integer.class)
                .paramLabel(label)
                .converters(value -> {
                    try {
                        return Integer.parseInt(value.strip());
                    } catch (NumberFormatException e) {
                        throw new CommandLine.TypeConversionException(notAWholeNumber(value));
                    }
                })
                .description(description.replace("%", "%%")) // picocli formats descriptions
                .build();
    }

    /** The value of {@code threshold}'s alias on the parsed command line; null when it was not given. */
    static Integer value(CommandSpec spec, Threshold threshold) {
        OptionSpec option = spec.findOption(threshold.flag());
        return option == null ? null : option.getValue();
    }

    /** The config file's words for a value that is not a whole number. */
    static String notAWholeNumber(String text) {
        return "expected a whole number, not '" + text.strip() + "'";
    }
}
