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
     * @param verdict {@code leaked} (no process on the way did I/O on the path) or {@code handed-over}
     */
    public record Leak(String path, Proc opener, long openedAt, Proc spawnChild, long spawnedAt,
                       Proc closer, long closedAt, String verdict) {
    }

    /** A Process Create by the opener within 50 ms after a successful open still open then. */
    public record Race(String path, Proc opener, long openedAt, Proc child, long spawnedAt, boolean confirmed) {
        /** @return the gap between open and spawn in milliseconds */
        public double gapMs() {
            return (spawnedAt - openedAt) / 10_000.0;
        }
    }

    /** A CreateFile refused with SHARING VIOLATION and the objects open on the path then. */
    public record SharingViolation(String path, Proc victim, long at, List<Proc> holders) {
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
        root.put("config", cfg);
        root.put("events", events);
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
            return m;
        }).toList());
        root.put("sharingViolations", sharingViolations.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", s.path());
            m.put("victim", proc(s.victim()));
            time(m, "at", s.at());
            m.put("holders", s.holders().stream().map(CaptureTruth::proc).toList());
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

    private static void time(Map<String, Object> m, String key, long ticks) {
        m.put(key, Timeline.format(ticks));
        m.put(key + "Ticks", ticks);
    }
}
