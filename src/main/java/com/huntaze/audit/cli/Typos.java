package com.huntaze.audit.cli;

import com.huntaze.audit.util.Suggestions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The "did you mean" of a misspelt command or option: the options (or subcommands) of the command being parsed
 * nearest by edit distance, else picocli's own suggestion; on the error's one line.
 */
final class Typos {
    private Typos() {
    }

    /** {@code "; did you mean `check`?"} for an unmatched argument with a near known name; empty otherwise. */
    static String hint(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return "";
        }
        String given = unmatched.getUnmatched().get(0);
        int equals = given.indexOf('=');
        String name = given.startsWith("-") && equals > 0 ? given.substring(0, equals) : given;
        CommandLine.Model.CommandSpec spec = unmatched.getCommandLine().getCommandSpec();
        List<String> known = new ArrayList<>(name.startsWith("-") ? spec.optionsMap().keySet()
                : spec.subcommands().keySet());
        List<String> nearest = Suggestions.nearest(name, known);
        // picocli's own guess (by similarity, not distance) when nothing is near enough
        return Suggestions.didYouMean(nearest.isEmpty() ? unmatched.getSuggestions().stream().limit(1).toList()
                : nearest);
    }
}
