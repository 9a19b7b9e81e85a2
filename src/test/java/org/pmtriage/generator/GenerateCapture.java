package org.pmtriage.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.pmtriage.event.Event;
import org.pmtriage.read.internal.TimeOfDay;
import org.pmtriage.read.pml.PmlWriter;

/**
 * Command-line entry of the generator: simulates a build and writes the capture and, beside it,
 * {@code <name>.truth.json}. Both are written to temporary files and moved into place.
 *
 * <pre>
 * generate-capture [--seed 7] [--jobs 40] [--parallel 4] [--noise 0.3] [--leaks 1]
 *                  [--handed-over 1] [--races 1] [--near-misses 2] [--scan-violations 1]
 *                  [--open-at-end 0] [--deep-leaks 0] [--pid-reuse]
 *                  [--start 14:03:07] [--day 2026-03-12] [--locale en-US] [--story]
 *                  [--format csv|xml] [--columns default|all27|all27-alt|NAME;NAME...]
 *                  [--lf] [--gzip] [--no-processlist] [--modules N]
 *                  [--advanced-output] [--old-process-start] [--exotic-noise]
 *                  [--no-close-events] [--no-process-events] [--filter-process-create]
 *                  [--current-directory] [--redirect-all] [--cmd-closes-last N] [--pdb-servers N]
 *                  [--scanners N] [--running-images N] [--jitter N] [--refutations N]
 *                  [--same-thread N] [--siblings N] [--exited-openers N]
 *                  [--runtime py27|py38] [--stacks] [--scenario flaky-build|python38|mspdbsrv|scanner]
 *                  [--events N | --bytes N] --output FILE
 * </pre>
 *
 * <p>{@code --scenario} starts from a {@link Scenario} (the other options then change it);
 * {@code --stacks} records modules and stacks; {@code --format pml} writes a PML (with modules
 * and stacks when recorded).
 */
public final class GenerateCapture {

    private static final String USAGE = "usage: generate-capture [--seed N] [--jobs N] [--parallel N] [--noise R]"
            + " [--leaks N] [--handed-over N] [--races N] [--near-misses N] [--scan-violations N] [--open-at-end N]"
            + " [--deep-leaks N]"
            + " [--pid-reuse] [--start HH:MM:SS]"
            + " [--day YYYY-MM-DD] [--locale en-US|es-ES|it-IT|ru-RU|ja-JP] [--story] [--format csv|xml|pml]"
            + " [--columns default|all27|all27-alt|NAME;NAME...] [--lf] [--gzip] [--no-processlist] [--modules N]"
            + " [--advanced-output] [--old-process-start] [--exotic-noise]"
            + " [--no-close-events] [--no-process-events] [--filter-process-create]"
            + " [--current-directory] [--redirect-all] [--cmd-closes-last N] [--pdb-servers N] [--scanners N]"
            + " [--running-images N] [--jitter N] [--refutations N] [--same-thread N] [--siblings N] [--exited-openers N]"
            + " [--runtime py27|py38] [--stacks] [--scenario flaky-build|python38|mspdbsrv|scanner]"
            + " [--events N | --bytes N] --output FILE";

    private GenerateCapture() {
    }

    /**
     * @param args see the class comment
     */
    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (IllegalArgumentException e) {
            System.err.println("generate-capture: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        } catch (IOException e) {
            System.err.println("generate-capture: cannot write: " + e.getMessage());
            System.exit(3);
        }
    }

    static int run(String[] args) throws IOException {
        CaptureConfig config = CaptureConfig.defaults(7);
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--scenario")) {
                config = Scenario.of(args[i + 1]).config();
            }
        }
        Images images = config.images();
        int jobs = config.jobs();
        int parallel = config.parallelism();
        int leaks = config.leaks();
        int handedOver = config.handedOver();
        int races = config.racesWithoutLeak();
        int nearMisses = config.nearMisses();
        int scanViolations = config.scanViolations();
        int openAtEnd = config.openAtEnd();
        int deepLeaks = config.deepLeaks();
        Behaviours b = config.behaviours();
        int[] counts = {b.cmdClosesLast(), b.pdbServers(), b.scanners(), b.runningImages(), b.jitter(), b.refutations(),
            b.sameThread(), b.siblings(), b.exitedOpeners()};
        String format = "csv";
        String columns = "default";
        boolean lf = false;
        boolean gzip = false;
        boolean processList = true;
        int modules = 0;
        long bytes = 0;
        String output = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--pid-reuse" -> config = config.withPidReuse(true);
                case "--story" -> config = config.withStory(true);
                case "--advanced-output" -> config = config.withQuirks(with(config, ExportQuirk.ADVANCED_OUTPUT));
                case "--old-process-start" -> config = config.withQuirks(with(config, ExportQuirk.OLD_PROCESS_START));
                case "--exotic-noise" -> config = config.withQuirks(with(config, ExportQuirk.EXOTIC_NOISE));
                case "--no-close-events" -> config = config.withQuirks(with(config, ExportQuirk.NO_CLOSE_EVENTS));
                case "--no-process-events" -> config = config.withQuirks(with(config, ExportQuirk.NO_PROCESS_EVENTS));
                case "--filter-process-create" ->
                        config = config.withQuirks(with(config, ExportQuirk.PROCESS_CREATE_FILTERED));
                case "--current-directory" -> b = b.withCurrentDirectory(true);
                case "--redirect-all" -> b = b.withRedirectAll(true);
                case "--stacks" -> images = new Images(images.driver(), true);
                case "--lf" -> lf = true;
                case "--gzip" -> gzip = true;
                case "--no-processlist" -> processList = false;
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return 0;
                }
                default -> {
                    if (i + 1 >= args.length || !a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown or incomplete option " + a);
                    }
                    String v = args[++i];
                    switch (a) {
                        case "--seed" -> config = config.withSeed(largeNumber(a, v));
                        case "--jobs" -> jobs = number(a, v);
                        case "--parallel" -> parallel = number(a, v);
                        case "--noise" -> config = config.withNoise(ratio(a, v));
                        case "--leaks" -> leaks = number(a, v);
                        case "--handed-over" -> handedOver = number(a, v);
                        case "--races" -> races = number(a, v);
                        case "--near-misses" -> nearMisses = number(a, v);
                        case "--scan-violations" -> scanViolations = number(a, v);
                        case "--open-at-end" -> openAtEnd = number(a, v);
                        case "--deep-leaks" -> deepLeaks = number(a, v);
                        case "--cmd-closes-last" -> counts[0] = number(a, v);
                        case "--pdb-servers" -> counts[1] = number(a, v);
                        case "--scanners" -> counts[2] = number(a, v);
                        case "--running-images" -> counts[3] = number(a, v);
                        case "--jitter" -> counts[4] = number(a, v);
                        case "--refutations" -> counts[5] = number(a, v);
                        case "--same-thread" -> counts[6] = number(a, v);
                        case "--siblings" -> counts[7] = number(a, v);
                        case "--exited-openers" -> counts[8] = number(a, v);
                        case "--start" -> {
                            long t = TimeOfDay.parse(v);
                            if (t == TimeOfDay.INVALID) {
                                throw new IllegalArgumentException("--start: not a time of day: " + v);
                            }
                            config = config.withStart(t, config.firstDay());
                        }
                        case "--day" -> config = config.withStart(config.startTime(), LocalDate.parse(v));
                        case "--locale" -> config = config.withLocale(CaptureLocale.of(v));
                        case "--format" -> format = v;
                        case "--columns" -> columns = v;
                        case "--modules" -> modules = number(a, v);
                        case "--events" -> config = config.withTargetEvents(largeNumber(a, v));
                        case "--bytes" -> bytes = largeNumber(a, v);
                        case "--output" -> output = v;
                        case "--runtime" -> images = new Images(DriverRuntime.of(v), images.recorded());
                        case "--scenario" -> Scenario.of(v);
                        default -> throw new IllegalArgumentException("unknown option " + a);
                    }
                }
            }
        }
        if (output == null) {
            throw new IllegalArgumentException("--output is required");
        }
        if (!format.equals("csv") && !format.equals("xml") && !format.equals("pml")) {
            throw new IllegalArgumentException("--format must be csv, xml or pml: " + format);
        }
        if (format.equals("pml") && (gzip || bytes > 0)) {
            throw new IllegalArgumentException("--format pml takes neither --gzip nor --bytes");
        }
        if (format.equals("xml") && images.recorded() && bytes > 0) {
            // the first pass, which learns the process table, could not write the same frames
            throw new IllegalArgumentException("--format xml with --stacks takes --events, not --bytes");
        }
        config = new CaptureConfig(config.seed(), jobs, parallel, config.noiseRatio(), leaks, handedOver, races,
                nearMisses, scanViolations, openAtEnd, deepLeaks, config.pidReuse(), config.startTime(), config.firstDay(),
                config.locale(), config.targetEvents(), config.quirks(), config.story(),
                b.withServers(counts[0], counts[1], counts[2], counts[3])
                        .withRaces(counts[4], counts[5], counts[6], counts[7], counts[8]), images);
        List<CaptureColumn> columnList = CaptureColumn.parseSet(columns);
        Path file = Path.of(output);
        Path truthFile = truthFile(file);
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Path truthTmp = truthFile.resolveSibling(truthFile.getFileName() + ".tmp");
        CaptureTruth truth;
        CsvCaptureWriter.Options options = new CsvCaptureWriter.Options(columnList, !lf, gzip, config.locale(), config.firstDay());
        if (format.equals("pml")) {
            truth = writePml(config, tmp);
        } else {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                truth = format.equals("csv") ? writeCsv(config, options, bytes, out)
                        : XmlCaptureWriter.write(config, new XmlCaptureWriter.Options(options, processList, modules), bytes, out);
            }
        }
        try (Writer w = Files.newBufferedWriter(truthTmp, StandardCharsets.UTF_8)) {
            truth.writeJson(w, file.getFileName().toString(), config);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(truthTmp, truthFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.err.println("generate-capture: " + file + ": " + truth.events() + " events, " + truth.leaks().size()
                + " inherited handles, " + truth.races().size() + " races, " + truth.sharingViolations().size()
                + " sharing violations; truth in " + truthFile);
        return 0;
    }

    /**
     * Simulates and writes a CSV capture.
     *
     * @param config  what to simulate
     * @param options how to write
     * @param bytes   stop adding jobs once this many bytes (before compression) are written; 0 for none
     * @param out     where to write; closed at the end
     * @return the truth
     * @throws IOException when writing fails
     */
    public static CaptureTruth writeCsv(CaptureConfig config, CsvCaptureWriter.Options options, long bytes, OutputStream out)
            throws IOException {
        BuildSimulation sim = new BuildSimulation(config, false);
        try (CsvCaptureWriter writer = new CsvCaptureWriter(out, options)) {
            if (bytes > 0) {
                sim.keepGoingWhile(() -> writer.bytes() < bytes);
            }
            while (sim.hasNext()) {
                Event e = sim.next();
                writer.write(e);
            }
        }
        sim.truth().tids(options.columns().contains(CaptureColumn.TID));
        return sim.truth();
    }

    /**
     * Simulates and writes a PML capture (64-bit), with modules in its process table and stacks
     * in its events when the configuration records them.
     *
     * @param config what to simulate
     * @param file   the PML to write (replaced)
     * @return the truth
     * @throws IOException when writing fails
     */
    public static CaptureTruth writePml(CaptureConfig config, Path file) throws IOException {
        BuildSimulation sim = new BuildSimulation(config, true);
        PmlWriter.write(file, sim, sim::processes, config.firstDay().toEpochDay());
        sim.truth().tids(true);
        return sim.truth();
    }

    /**
     * Splits a line of options as tests write them: {@code --name value} pairs where a value runs
     * to the next {@code " --"} (so {@code --columns Time of Day;PID} stays one value).
     *
     * @param line the options
     * @return the arguments for {@link #run}
     */
    static List<String> arguments(String line) {
        List<String> args = new ArrayList<>();
        for (String part : line.split(" --")) {
            String p = part.startsWith("--") ? part.substring(2) : part;
            int space = p.indexOf(' ');
            args.add("--" + (space < 0 ? p : p.substring(0, space)));
            if (space >= 0) {
                args.add(p.substring(space + 1));
            }
        }
        return args;
    }

    /**
     * @return {@code dir/name.truth.json} for {@code dir/name.csv}, {@code name.xml.gz}...; a PML
     *         keeps its extension ({@code name.pml.truth.json}), so that it can sit beside the CSV of
     *         the same story
     */
    static Path truthFile(Path capture) {
        String name = capture.getFileName().toString();
        for (String ext : new String[] {".gz", ".csv", ".xml", ".CSV", ".XML"}) {
            if (name.endsWith(ext)) {
                name = name.substring(0, name.length() - ext.length());
            }
        }
        return capture.resolveSibling(name + ".truth.json");
    }

    private static Set<ExportQuirk> with(CaptureConfig config, ExportQuirk quirk) {
        EnumSet<ExportQuirk> set = EnumSet.of(quirk);
        set.addAll(config.quirks());
        return set;
    }

    private static double ratio(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": not a number: " + value);
        }
    }

    private static int number(String option, String value) {
        long n = largeNumber(option, value);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + ": too large: " + value);
        }
        return (int) n;
    }

    private static long largeNumber(String option, String value) {
        try {
            long n = Long.parseLong(value.replace("_", ""));
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": not a non-negative number: " + value);
        }
    }
}
