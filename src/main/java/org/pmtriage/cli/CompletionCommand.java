package org.pmtriage.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;

/**
 * {@code pmtriage completion bash|zsh|powershell}: a shell completion script for the tool's
 * commands, options and option values, made from the command model so it never goes stale.
 */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Prints a completion script: in bash, source <(pmtriage completion bash); in zsh, the same"
                + " with zsh; in PowerShell, pmtriage completion powershell | Out-String | Invoke-Expression.")
final class CompletionCommand implements Callable<Integer> {

    enum Shell { bash, zsh, powershell }

    @CommandLine.Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash, zsh or powershell.")
    private Shell shell;

    @Override
    public Integer call() {
        CommandLine root = spec.commandLine().getParent();
        String script = shell == Shell.powershell ? powershell(root) : AutoComplete.bash("pmtriage", root);
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    /**
     * A PowerShell argument completer: the commands, then the options of the command typed, then
     * the values of an option that has a fixed set.
     */
    static String powershell(CommandLine root) {
        StringBuilder table = new StringBuilder();
        List<String> commands = new ArrayList<>(root.getSubcommands().keySet());
        entry(table, "", words(commands, root.getCommandSpec()));
        for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
            CommandSpec spec = sub.getValue().getCommandSpec();
            entry(table, sub.getKey(), words(sub.getKey().equals("help") ? commands : List.of(), spec));
            for (OptionSpec option : spec.options()) {
                List<String> values = candidates(option.completionCandidates());
                if (!values.isEmpty()) {
                    for (String name : option.names()) {
                        entry(table, sub.getKey() + " " + name, values);
                    }
                }
            }
            List<String> positional = new ArrayList<>();
            spec.positionalParameters().forEach(p -> positional.addAll(candidates(p.completionCandidates())));
            if (!positional.isEmpty()) {
                entry(table, sub.getKey() + " ", positional);
            }
        }
        return "# pmtriage completion for PowerShell: pmtriage completion powershell | Out-String | Invoke-Expression\n"
                + "Register-ArgumentCompleter -Native -CommandName pmtriage, pmtriage.cmd -ScriptBlock {\n"
                + "    param($wordToComplete, $commandAst, $cursorPosition)\n"
                + "    $words = @{\n" + table + "    }\n"
                + "    $typed = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })\n"
                + "    if ($wordToComplete) { $typed = @($typed | Select-Object -SkipLast 1) }\n"
                + "    $command = if ($typed.Count -gt 0) { $typed[0] } else { '' }\n"
                + "    $previous = if ($typed.Count -gt 1) { $typed[-1] } else { '' }\n"
                + "    $key = if ($words.ContainsKey(\"$command $previous\")) { \"$command $previous\" }"
                + " elseif ($typed.Count -gt 0 -and $words.ContainsKey(\"$command \")) { \"$command \" }"
                + " elseif ($words.ContainsKey($command)) { $command } else { '' }\n"
                + "    $words[$key] | Where-Object { $_ -like \"$wordToComplete*\" } | ForEach-Object {\n"
                + "        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)\n"
                + "    }\n"
                + "}\n";
    }

    private static List<String> candidates(Iterable<String> values) {
        List<String> list = new ArrayList<>();
        if (values != null) {
            values.forEach(list::add);
        }
        return list;
    }

    private static List<String> words(List<String> first, CommandSpec spec) {
        List<String> words = new ArrayList<>(first);
        for (OptionSpec option : spec.options()) {
            words.addAll(List.of(option.names()));
        }
        return words;
    }

    private static void entry(StringBuilder table, String key, List<String> words) {
        table.append("        '").append(key).append("' = @(");
        for (int i = 0; i < words.size(); i++) {
            table.append(i == 0 ? "" : ", ").append('\'').append(words.get(i)).append('\'');
        }
        table.append(")\n");
    }
}
