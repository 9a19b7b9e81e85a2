package org.pmtriage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.pmtriage.pmc.PmcFile;
import org.pmtriage.pmc.PmcFormatException;
import org.pmtriage.pmc.PmcText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pmtriage config show FILE.pmc}: a ProcMon configuration's records and rules. */
@Command(name = "config", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Reads ProcMon configuration files (.pmc).")
final class ConfigCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: show");
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Prints a PMC file's records and its filter and highlight rules.")
    int show(@Parameters(paramLabel = "FILE.pmc", description = "A ProcMon configuration file.") Path file) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            PmcFile pmc = PmcFile.read(file);
            new PmcText(spec.commandLine().getOut()).write(pmc, file.toString());
            return ExitCode.OK;
        } catch (PmcFormatException e) {
            err.println("pmtriage config show: " + e.getMessage());
        } catch (NoSuchFileException e) {
            err.println("pmtriage config show: " + file + ": no such file");
        } catch (IOException e) {
            err.println("pmtriage config show: " + file + ": cannot read: " + e.getMessage());
        }
        return ExitCode.UNREADABLE;
    }
}
