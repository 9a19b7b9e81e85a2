package org.pmtriage.generator;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.pmtriage.event.Timeline;

/**
 * What a simulation injected, in the terms of the detectors: inherited handles (leaked or
 * handed over), spawn races, sharing violations, objects open at the end, plus the near misses
 * that must <em>not</em> be reported and the event counts. Times are ticks on the capture's
 * timeline ({@link org.pmtriage.event.Event#time()}); the JSON carries them both as ticks and as
 * {@link Timeline#format} text.
 */
public final class CaptureTruth {

    /** A process as findings name it. */
    public record Proc(int pid, String name) {
    }

    /**
     * A file object closed by another process than its opener.
     *
     * @param verdict  {@code leaked} (no process on the way did I/O on the path), {@code handed-over}
     *                 or {@code leaked-after-hand-over} (the child used it, a further copy into a
     *                 descendant that never used it closed it)
     * @param severity the finding's severity by harm (see {@link ExpectedVerdict#leakSeverity})
     * @param runtime  whose behaviour made the copy that leaked, which a remedy names: the driver's
     *                 Python ({@link DriverRuntime#label()}, {@code CPython 2.7}) for its inherited
     *                 files, {@link #MSVC} when {@code mspdbsrv.exe} kept the last copy of a
     *                 redirected log or directory, {@link #REDIRECTION} for {@code cmd.exe}'s
     *                 redirections handed over to the child (otherwise the opener's name)
     */
    public record Leak(String path, Proc opener, long openedAt, Proc spawnChild, long spawnedAt,
                       Proc closer, long closedAt, String verdict, String severity, String runtime) {

        /** {@link #runtime()} of a copy kept by {@code mspdbsrv.exe}, the MSVC PDB server. */
        public static final String MSVC = "MSVC";
        /** {@link #runtime()} of a redirection ({@code >> log}) cmd.exe handed over to its child. */
        public static final String REDIRECTION = "cmd.exe";
    }

    /**
     * A Process Create by the opener within 50 ms after a successful open still open then (or up
     * to 1 ms before the open: the two are ambiguous).
     *
     * @param confirmed whether this child carried the object to the process that closed it
     * @param evidence  what the log proves, resolved into a grade by {@link #grade(boolean)}
     * @param harmful   written, shared restrictively or the cause of a sharing violation
     */
    public record Race(String path, Proc opener, long openedAt, Proc child, long spawnedAt, boolean confirmed,
                       ExpectedVerdict.RaceEvidence evidence, boolean harmful) {
        /** @return the gap between open and spawn in milliseconds (negative when the spawn came first) */
        public double gapMs() {
            return (spawnedAt - openedAt) / 10_000.0;
        }

        /** @return the grade in a log with or without TIDs */
        public String grade(boolean tids) {
            return evidence.grade(tids);
        }
    }

    /**
     * An object that may hold a file at a moment: opened by {@code opener}, its last handle in
     * {@code carrier} (the opener itself unless the object went on to a descendant).
     */
    public record Holder(Proc opener, long openedAt, Proc carrier) {
    }

    /**
     * A CreateFile refused with SHARING VIOLATION.
     *
     * @param holders       the live holders whose access or share mode conflicts with the request
     * @param cause         {@code held}, {@code running-image} or {@code unexplained}
     * @param runningImages live processes whose image is the file (for {@code running-image})
     */
    public record SharingViolation(String path, Proc victim, long at, List<Holder> holders, String cause,
                                   List<Proc> runningImages) {
        /** A violation explained by these holders. */
        public SharingViolation(String path, Proc victim, long at, List<Holder> holders) {
            this(path, victim, at, holders, holders.isEmpty() ? "unexplained" : "held", List.of());
        }

        /** @return whether a live, conflicting holder explains it */
        public boolean explained() {
            return !holders.isEmpty();
        }
    }

    /**
     * A spawn that looks like a race but is not one.
     *
     * @param kind {@code closed-before-spawn} or {@code opened-too-early}
     */
    public record NearMiss(String path, Proc opener, long openedAt, Proc child, long spawnedAt, String kind) {
    }

    /** An object never closed within the capture. */
    public record OpenAtEnd(String path, Proc opener, long openedAt) {
    }

    private final List<Leak> leaks = new ArrayList<>();
    private final List<Race> races = new ArrayList<>();
    private final List<SharingViolation> sharingViolations = new ArrayList<>();
    private final List<NearMiss> nearMisses = new ArrayList<>();
    private final List<OpenAtEnd> openAtEnd = new ArrayList<>();
    private final Map<String, Long> operations = new TreeMap<>();
    private long events;
    private boolean tids = true;

    void add(Leak leak) {
        leaks.add(leak);
    }

    void add(Race race) {
        races.add(race);
    }

    void add(SharingViolation violation) {
        sharingViolations.add(violation);
    }

    void add(NearMiss nearMiss) {
        nearMisses.add(nearMiss);
    }

    void add(OpenAtEnd open) {
        openAtEnd.add(open);
    }

    void count(String operation) {
        events++;
        operations.merge(operation, 1L, Long::sum);
    }

    /** Tells the truth whether the written export has a TID column (grades depend on it). */
    void tids(boolean present) {
        tids = present;
    }

    /** @return whether the export has TIDs */
    public boolean tids() {
        return tids;
    }

    /**
     * @param config the configuration that made the capture
     * @return what the capture cannot support: {@code no-close-events}, {@code no-process-events},
     *         {@code filtered}, {@code no-tids}
     */
    public List<String> health(CaptureConfig config) {
        List<String> flags = new ArrayList<>();
        if (config.quirks().contains(ExportQuirk.NO_CLOSE_EVENTS)) {
            flags.add("no-close-events");
        }
        if (config.quirks().contains(ExportQuirk.NO_PROCESS_EVENTS)) {
            flags.add("no-process-events");
        }
        if (config.quirks().contains(ExportQuirk.PROCESS_CREATE_FILTERED)) {
            flags.add("filtered");
        }
        if (!tids) {
            flags.add("no-tids");
        }
        return flags;
    }

    /** @return injected inherited handles, in the order their close was planned */
    public List<Leak> leaks() {
        return List.copyOf(leaks);
    }

    /** @return spawn races */
    public List<Race> races() {
        return List.copyOf(races);
    }

    /** @return sharing violations */
    public List<SharingViolation> sharingViolations() {
        return List.copyOf(sharingViolations);
    }

    /** @return near misses (not findings) */
    public List<NearMiss> nearMisses() {
        return List.copyOf(nearMisses);
    }

    /** @return objects never closed */
    public List<OpenAtEnd> openAtEnd() {
        return List.copyOf(openAtEnd);
    }

    /** @return events emitted */
    public long events() {
        return events;
    }

    /** @return events per Operation name, sorted by name */
    public Map<String, Long> operations() {
        return Map.copyOf(operations);
    }

    /**
     * Writes the truth as JSON.
     *
     * @param out     where to
     * @param capture the capture's file name, recorded in the JSON
     * @param config  the configuration that made it, recorded in the JSON
     * @throws IOException when writing fails
     */
    public void writeJson(Writer out, String capture, CaptureConfig config) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("capture", capture);
        root.put("generator", "org.pmtriage.generator.BuildSimulation");
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("seed", config.seed());
        cfg.put("jobs", config.jobs());
        cfg.put("parallelism", config.parallelism());
        cfg.put("noiseRatio", config.noiseRatio());
        cfg.put("pidReuse", config.pidReuse());
        cfg.put("startTime", Timeline.format(config.startTime()));
        cfg.put("firstDay", config.firstDay().toString());
        cfg.put("locale", config.locale().tag());
        cfg.put("story", config.story());
        cfg.put("quirks", config.quirks().stream().map(q -> q.name().toLowerCase(Locale.ROOT)).toList());
        if (!config.behaviours().equals(Behaviours.NONE)) {
            cfg.put("behaviours", config.behaviours());
        }
        if (!config.images().equals(Images.NONE)) {
            Map<String, Object> images = new LinkedHashMap<>();
            images.put("driver", config.images().driver().label());
            images.put("recorded", config.images().recorded());
            cfg.put("images", images);
        }
        root.put("config", cfg);
        root.put("events", events);
        root.put("health", health(config));
        root.put("operations", new TreeMap<>(operations));
        root.put("leaks", leaks.stream().map(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", l.path());
            m.put("opener", proc(l.opener()));
            time(m, "openedAt", l.openedAt());
            m.put("spawnChild", proc(l.spawnChild()));
            time(m, "spawnedAt", l.spawnedAt());
            m.put("closer", proc(l.closer()));
            time(m, "closedAt", l.closedAt());
            m.put("verdict", l.verdict());
            m.put("severity", l.severity());
            m.put("runtime", l.runtime());
            return m;
        }).toList());
        root.put("races", races.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", r.path());
            m.put("opener", proc(r.opener()));
            time(m, "openedAt", r.openedAt());
            m.put("child", proc(r.child()));
            time(m, "spawnedAt", r.spawnedAt());
            m.put("gapMs", r.gapMs());
            m.put("confirmed", r.confirmed());
            String grade = r.grade(tids);
            m.put("grade", grade);
            m.put("harmful", r.harmful());
            String severity = ExpectedVerdict.raceSeverity(grade, r.harmful());
            if (severity != null) {
                m.put("severity", severity);
            }
            return m;
        }).toList());
        root.put("sharingViolations", sharingViolations.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", s.path());
            m.put("victim", proc(s.victim()));
            time(m, "at", s.at());
            m.put("holders", s.holders().stream().map(CaptureTruth::holder).toList());
            m.put("explained", s.explained());
            m.put("cause", s.cause());
            if (!s.runningImages().isEmpty()) {
                m.put("runningImages", s.runningImages().stream().map(CaptureTruth::proc).toList());
            }
            return m;
        }).toList());
        root.put("openAtEnd", openAtEnd.stream().map(o -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", o.path());
            m.put("opener", proc(o.opener()));
            time(m, "openedAt", o.openedAt());
            return m;
        }).toList());
        root.put("nearMisses", nearMisses.stream().map(n -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", n.path());
            m.put("opener", proc(n.opener()));
            time(m, "openedAt", n.openedAt());
            m.put("child", proc(n.child()));
            time(m, "spawnedAt", n.spawnedAt());
            m.put("gapMs", (n.spawnedAt() - n.openedAt()) / 10_000.0);
            m.put("kind", n.kind());
            return m;
        }).toList());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, root);
        out.write("\n");
    }

    private static Map<String, Object> proc(Proc p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", p.pid());
        m.put("name", p.name());
        return m;
    }

    private static Map<String, Object> holder(Holder h) {
        Map<String, Object> m = proc(h.opener());
        time(m, "openedAt", h.openedAt());
        if (!h.carrier().equals(h.opener())) {
            m.put("carrier", proc(h.carrier()));
        }
        return m;
    }

    private static void time(Map<String, Object> m, String key, long ticks) {
        m.put(key, Timeline.format(ticks));
        m.put(key + "Ticks", ticks);
    }
}
