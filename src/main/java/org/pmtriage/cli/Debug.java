package org.pmtriage.cli;

import picocli.CommandLine;

/** Whether {@code --debug} was given to the command being run. */
final class Debug {

    private Debug() {
    }

    static boolean enabled(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult sub = parseResult;
        while (sub.hasSubcommand()) {
            sub = sub.subcommand();
        }
        return sub.hasMatchedOption("--debug");
    }
}
