package org.pmtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class MainTest {

    @Test
    void eachSubcommandIsRegisteredUnderItsOwnName() {
        Main.SUBCOMMANDS.forEach((name, command) ->
                assertEquals(name, command.get().getClass().getAnnotation(Command.class).name()));
    }

    @Test
    void aNamedSubcommandComesAloneAndEverythingElseGetsAll() {
        assertEquals(List.of("analyze"), names(Main.commandLine("analyze", "x.csv")));
        assertEquals(List.of("stats"), names(Main.commandLine("stats")));
        List<String> all = new ArrayList<>(Main.SUBCOMMANDS.keySet());
        assertEquals(all, names(Main.commandLine()));
        assertEquals(all, names(Main.commandLine("--help")));
        assertEquals(all, names(Main.commandLine("help", "analyze")));
        assertEquals(all, names(Main.commandLine("completion", "bash")));
        assertEquals(all, names(Main.commandLine("analyse", "x.csv")));
    }

    @Test
    void theSettingsReachTheOneSubcommand() {
        CommandLine analyze = Main.commandLine("analyze").getSubcommands().get("analyze");
        assertTrue(analyze.isCaseInsensitiveEnumValuesAllowed());
        assertEquals(Main.commandLine().getSubcommands().get("analyze").getCommandSpec().options().size(),
                analyze.getCommandSpec().options().size());
    }

    @Test
    void helpListsEverySubcommand() {
        CliRun help = CliRun.of("--help");
        for (Map.Entry<String, ?> e : Main.SUBCOMMANDS.entrySet()) {
            assertTrue(help.out().contains("  " + e.getKey() + " "), e.getKey());
        }
    }

    private static List<String> names(CommandLine cli) {
        return new ArrayList<>(cli.getSubcommands().keySet());
    }
}
