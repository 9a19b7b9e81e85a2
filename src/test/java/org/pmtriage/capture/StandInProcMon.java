package org.pmtriage.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.pmtriage.event.Event;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.generator.BuildSimulation;
import org.pmtriage.generator.CaptureConfig;
import org.pmtriage.read.pml.PmlWriter;

/**
 * A stand-in for {@code Procmon64.exe} (a POSIX shell script in a folder of its own) that records
 * every call's arguments, one line each, tab-separated, in {@code calls.tsv} ({@code /WaitForIdle}
 * once it returns, so that the lines keep the order of the calls), and plays ProcMon:
 * the instance started with {@code /BackingFile} captures until {@code /Terminate}, then writes the
 * prepared PML (a capture made by our generator) to the backing file, and a second part as
 * {@code NAME-1.PML} when rollover was asked for; {@code /WaitForIdle} returns once it captures.
 * With {@link #dieDuringRuns()} the instance ends at once without writing anything, as a ProcMon
 * that failed. {@link #startAnother()} runs it as another ProcMon that only waits until
 * {@link #endAnother()}. The script waits on marker files, never on a time.
 */
public final class StandInProcMon {

    private static final String SCRIPT = """
            #!/bin/sh
            here=$(dirname "$0")
            record() {
              for a in "$@"; do printf '%s\\t' "$a"; done >> "$here/calls.tsv"
              printf '\\n' >> "$here/calls.tsv"
            }
            wait_for() {
              i=0
              while [ ! -e "$1" ] && [ ! -e "$2" ]; do
                i=$((i + 1)); [ $i -gt 30000 ] && exit 9
                sleep 0.01
              done
            }
            case "$1" in
              /Stay) wait_for "$here/leave" "$here/leave"; exit 0 ;;
              /WaitForIdle) wait_for "$here/capturing" "$here/died"; record "$@"; exit 0 ;;
              /Terminate)
                record "$@"
                [ -e "$here/capturing" ] || exit 0
                touch "$here/terminate"; wait_for "$here/stopped" "$here/stopped"; rm -f "$here/stopped"; exit 0 ;;
            esac
            record "$@"
            backing=""
            while [ $# -gt 0 ]; do [ "$1" = /BackingFile ] && backing=$2; shift; done
            if [ -e "$here/die" ]; then touch "$here/died"; exit 1; fi
            touch "$here/capturing"
            wait_for "$here/terminate" "$here/terminate"
            cp "$here/capture.PML" "$backing"
            if [ -e "$here/rollover" ]; then cp "$here/capture-1.PML" "${backing%.PML}-1.PML"; fi
            rm -f "$here/terminate" "$here/capturing"
            touch "$here/stopped"
            """;

    private final Path dir;
    private final Path script;
    private final int events;

    private StandInProcMon(Path dir, int events) {
        this.dir = dir;
        this.script = dir.resolve("Procmon64-stand-in.sh");
        this.events = events;
    }

    /**
     * Writes the script and the capture it plays (our generator's flaky build, with its leak,
     * races and sharing violation) into {@code dir}.
     *
     * @param rollover whether ProcMon is to split each log into two parts
     */
    public static StandInProcMon create(Path dir, boolean rollover) throws IOException {
        Files.createDirectories(dir);
        List<Event> all = Played.CAPTURE.events();
        List<ProcessInfo> processes = Played.CAPTURE.processes();
        long day = Played.CAPTURE.day();
        if (rollover) {
            int half = all.size() / 2;
            PmlWriter.write(dir.resolve("capture.PML"), processes, all.subList(0, half), day);
            PmlWriter.write(dir.resolve("capture-1.PML"), processes, all.subList(half, all.size()), day);
            Files.createFile(dir.resolve("rollover"));
        } else {
            PmlWriter.write(dir.resolve("capture.PML"), processes, all, day);
        }
        StandInProcMon standIn = new StandInProcMon(dir, all.size());
        Files.writeString(standIn.script, SCRIPT, StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(standIn.script, PosixFilePermissions.fromString("rwx------"));
        return standIn;
    }

    /** The generated capture every stand-in plays, simulated once per test run (a few thousand events). */
    private record Played(List<Event> events, List<ProcessInfo> processes, long day) {
        static final Played CAPTURE = simulate();

        private static Played simulate() {
            CaptureConfig config = CaptureConfig.defaults(7).withStory(true);
            BuildSimulation sim = new BuildSimulation(config, true);
            List<Event> all = new ArrayList<>();
            sim.forEachRemaining(all::add);
            return new Played(List.copyOf(all), sim.processes(), config.firstDay().toEpochDay());
        }
    }

    /** @return the script, to pass as {@code --procmon} */
    public Path executable() {
        return script;
    }

    /** @return how many events each played log holds (both parts together) */
    public int events() {
        return events;
    }

    /** From now on the started instance ends at once and writes no log. */
    public void dieDuringRuns() throws IOException {
        Files.createFile(dir.resolve("die"));
    }

    /** Starts the script as another running ProcMon that takes no part in captures (and records nothing). */
    public Process startAnother() throws IOException {
        return new ProcessBuilder(script.toString(), "/Stay").start();
    }

    /** Ends what {@link #startAnother()} started. */
    public void endAnother(Process another) throws IOException, InterruptedException {
        Files.createFile(dir.resolve("leave"));
        another.waitFor();
    }

    /** @return the arguments of every call so far, in order */
    public List<List<String>> calls() throws IOException {
        Path calls = dir.resolve("calls.tsv");
        if (!Files.exists(calls)) {
            return List.of();
        }
        return Files.readAllLines(calls, StandardCharsets.UTF_8).stream()
                .map(line -> line.isEmpty() ? List.<String>of() : Arrays.asList(line.split("\t", -1)))
                .map(args -> args.isEmpty() ? args : args.subList(0, args.size() - 1))
                .toList();
    }
}
