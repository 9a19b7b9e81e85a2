package org.pmtriage.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.pmtriage.analysis.CaptureSummary;
import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.HealthNote;
import org.pmtriage.analysis.InheritedHandle;
import org.pmtriage.analysis.ProcessRef;
import org.pmtriage.analysis.Severity;
import org.pmtriage.analysis.SharingViolation;
import org.pmtriage.analysis.SpawnRace;
import org.pmtriage.event.Printable;
import org.pmtriage.event.Timeline;
import org.pmtriage.incident.Incident;
import org.pmtriage.incident.Incidents;
import org.pmtriage.incident.Pattern;

/**
 * The report for people, answer first: a verdict line, the capture, then the error patterns, each
 * with its first incidents told in full (at most {@link Listing#incidents()} in all), then every
 * other pattern in one line with its counts, then the result. What is not told is counted.
 */
public final class TextReport {

    /** Incidents of a pattern told in full as its examples, unless every incident is told. */
    public static final int EXAMPLES = 2;
    /** Incident ids named in a line before the rest are counted. */
    static final int IDS_NAMED = 8;

    private final PrintWriter out;
    private final Listing listing;

    /** @param out where to write; not closed; control characters from the log are shown as {@code ?} */
    public TextReport(PrintWriter out) {
        this(out, Listing.DEFAULT);
    }

    /**
     * @param out     where to write; not closed; control characters from the log are shown as {@code ?}
     * @param listing how many incidents to tell in full
     */
    public TextReport(PrintWriter out, Listing listing) {
        this.out = new PrintWriter(Printable.writer(out));
        this.listing = listing;
    }

    /** Writes one log's report. */
    public void write(Report report) {
        Incidents incidents = report.incidents();
        out.printf("pmtriage: %s (%s)%n", report.path(), report.format());
        out.printf("Verdict: %s%n", verdict(incidents));
        out.printf("Times: %s%n", report.frame().describe());
        capture(report.result().summary());
        DiagnosisText.runtimes(incidents.diagnosis()).ifPresent(out::println);
        out.println();
        int budget = listing.incidents();
        List<Pattern> summarized = new ArrayList<>();
        for (Pattern p : incidents.patterns()) {
            if (!listing.all() && p.severity() != Severity.ERROR) {
                summarized.add(p);
                continue;
            }
            out.printf("%s  pattern %s: %s%n", p.severity().label().toUpperCase(Locale.ROOT), p.id(), p.key().title());
            out.printf("  %s%n", counts(p));
            int told = listing.all() ? p.incidents().size() : Math.min(Math.min(EXAMPLES, budget), p.incidents().size());
            budget -= told;
            for (Incident i : p.incidents().subList(0, told)) {
                out.println();
                story(i, incidents);
            }
            if (told < p.incidents().size()) {
                out.printf("  ... %d more incident(s) of %s not told: %s (--limit N or --all tells more)%n",
                        p.incidents().size() - told, p.id(), StoryText.incidentsIds(
                                p.incidents().subList(told, p.incidents().size()), IDS_NAMED));
            }
            out.println();
        }
        if (!summarized.isEmpty()) {
            out.println("Warnings and info, by pattern (--all tells each incident):");
            for (Pattern p : summarized) {
                out.printf("  %-7s %s  %s: %s%n", p.severity().label(), p.id(), plural(p.incidents().size(), "incident"),
                        p.key().title());
            }
            out.println();
        }
        result(report, incidents);
        out.flush();
    }

    private void story(Incident incident, Incidents incidents) {
        out.printf("  %s  %s  %s%n", incident.id(), incident.severity().label().toUpperCase(Locale.ROOT),
                incident.headline());
        for (String line : StoryText.of(incident, incidents)) {
            out.printf("    %s%n", line);
        }
    }

    private static String counts(Pattern p) {
        String span = p.firstAt() == p.lastAt() ? "at " + Timeline.format(p.firstAt())
                : "from " + Timeline.format(p.firstAt()) + " to " + Timeline.format(p.lastAt());
        return plural(p.incidents().size(), "incident") + ", " + plural(p.findingCount(), "finding") + ", "
                + plural(p.failures(), "failed process", "failed processes") + ", " + span;
    }

    /** @return the answer in one line, e.g. {@code 2 leaks of one pattern made 2 processes fail (cl.exe)} */
    static String verdict(Incidents incidents) {
        int leaks = 0;
        int races = 0;
        int violations = 0;
        int other = 0;
        int failed = 0;
        Set<String> failedNames = new LinkedHashSet<>();
        Set<String> patterns = new LinkedHashSet<>();
        int warnings = 0;
        int info = 0;
        for (Incident i : incidents.incidents()) {
            if (i.severity() == Severity.WARNING) {
                warnings++;
            } else if (i.severity() == Severity.INFO) {
                info++;
            } else {
                Finding lead = i.lead();
                if (lead instanceof InheritedHandle) {
                    leaks++;
                } else if (lead instanceof SpawnRace) {
                    races++;
                } else if (lead instanceof SharingViolation) {
                    violations++;
                } else {
                    other++;
                }
                failed += i.failed().size();
                i.failed().stream().map(ProcessRef::name).forEach(failedNames::add);
                patterns.add(i.key().title());
            }
        }
        List<String> parts = new ArrayList<>();
        addCount(parts, leaks, "leak");
        addCount(parts, races, "spawn race");
        addCount(parts, violations, "sharing violation");
        addCount(parts, other, "other error");
        StringBuilder sb = new StringBuilder();
        if (parts.isEmpty()) {
            sb.append("no error");
        } else {
            sb.append(String.join(" and ", parts)).append(patterns.size() == 1 ? " of one pattern" : " of "
                    + patterns.size() + " patterns");
            sb.append(failed == 0 ? ", no refused process failed" : " made " + plural(failed, "process", "processes")
                    + " fail (" + String.join(", ", failedNames) + ")");
        }
        if (warnings > 0) {
            sb.append("; ").append(plural(warnings, "warning incident"));
        }
        if (info > 0) {
            sb.append("; ").append(plural(info, "info incident"));
        }
        return sb.toString();
    }

    private void capture(CaptureSummary s) {
        out.printf("Capture: %d events, %d processes, %s to %s (%s s), %d skipped record(s), %d unmatched CloseFile(s)%n",
                s.events(), s.processes(), Timeline.format(s.firstTime()), Timeline.format(s.lastTime()),
                Timeline.secondsText(s.lastTime() - s.firstTime()),
                s.skippedRecords(), s.unmatchedCloses());
        for (HealthNote note : s.health()) {
            out.printf("Capture health (%s): %s.%n", note.id(), note.text());
        }
    }

    private void result(Report report, Incidents incidents) {
        long errors = incidents.incidents().stream().filter(i -> i.severity() == Severity.ERROR).count();
        long found = report.result().counts().values().stream().mapToLong(Long::longValue).sum();
        long listed = report.result().findings().size();
        out.printf("Result: %s; %s in %s from %s%s%n", errors == 0 ? "no errors" : plural(errors, "error incident"),
                plural(incidents.incidents().size(), "incident"), plural(incidents.patterns().size(), "pattern"),
                plural(listed, "finding"), found > listed ? " (" + (found - listed) + " more counted, not kept)" : "");
    }

    private static void addCount(List<String> parts, int n, String what) {
        if (n > 0) {
            parts.add(plural(n, what));
        }
    }

    static String plural(long n, String one) {
        return plural(n, one, one + "s");
    }

    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
