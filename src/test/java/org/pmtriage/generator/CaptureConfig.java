package org.pmtriage.generator;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What to simulate. Build one with {@link #defaults(long)} and the {@code with...} methods.
 *
 * @param seed             seed of every random choice: same configuration, same capture
 * @param jobs             build jobs (compiles, links...) to run; with a target size the build
 *                         goes on past this number, repeating the same mix of injections
 * @param parallelism      jobs running at once (SCons {@code -j})
 * @param noiseRatio       share of events (0..0.9) from background processes (Defender, svchost...)
 * @param leaks            injected leaks: the driver's open output file is inherited by a spawned
 *                         {@code cmd.exe}, {@code cl.exe} fails with SHARING VIOLATION, cmd closes it
 * @param handedOver       injected intended inheritance: {@code cmd /c link.exe ... >> log}
 * @param racesWithoutLeak spawns within 50 ms of an open whose file the driver still closes itself
 * @param nearMisses       spawns just outside the race rule (file closed before, or opened 60+ ms before)
 * @param scanViolations   compiles during which the antivirus opens the object cl.exe is writing
 *                         and gets SHARING VIOLATION (a sharing violation without any leak)
 * @param openAtEnd        files a background process opens shortly before the end and never closes
 * @param deepLeaks        leaks through three generations: the driver's open temporary file is
 *                         inherited by {@code cmd -> cl -> mspdbsrv.exe}, which outlives the job and
 *                         logs the CloseFile when it exits; the driver's retry meanwhile gets
 *                         SHARING VIOLATION
 * @param pidReuse         reuse PIDs of exited processes
 * @param startTime        time of day of the first event, in 100-ns ticks since midnight
 * @param firstDay         date of the first event (for Date &amp; Time and process times)
 * @param locale           how numbers in Detail texts are written (the writers format times)
 * @param targetEvents     keep adding jobs until this many events exist (0: just {@code jobs})
 * @param quirks           export quirks to reproduce (advanced output, old Process Start details)
 * @param story            reproduce the flaky-build story: driver python.exe PID 4312, the first
 *                         leak on {@code C:\build\gen\parser_tab.cpp} spawned as cmd.exe PID 5120
 *                         18.9 ms after the open, the first hand-over on {@code C:\build\link.log}
 * @param behaviours       behaviours of real Windows builds (issue 11), all off by default
 * @param images           the driver's Python and whether processes carry modules and events
 *                         stacks ({@link Images#NONE} by default)
 */
public record CaptureConfig(long seed, int jobs, int parallelism, double noiseRatio, int leaks,
                            int handedOver, int racesWithoutLeak, int nearMisses, int scanViolations,
                            int openAtEnd, int deepLeaks, boolean pidReuse,
                            long startTime, LocalDate firstDay, CaptureLocale locale,
                            long targetEvents, Set<ExportQuirk> quirks, boolean story,
                            Behaviours behaviours, Images images) {

    /** 100-ns ticks in one millisecond. */
    public static final long MS = 10_000L;

    public CaptureConfig {
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(quirks, "quirks");
        Objects.requireNonNull(behaviours, "behaviours");
        Objects.requireNonNull(images, "images");
        quirks = Collections.unmodifiableSet(quirks.isEmpty() ? EnumSet.noneOf(ExportQuirk.class) : EnumSet.copyOf(quirks));
        if (jobs < 1 || parallelism < 1) {
            throw new IllegalArgumentException("jobs and parallelism must be at least 1");
        }
        if (noiseRatio < 0 || noiseRatio > 0.9) {
            throw new IllegalArgumentException("noiseRatio must be within 0..0.9: " + noiseRatio);
        }
        if (leaks < 0 || handedOver < 0 || racesWithoutLeak < 0 || nearMisses < 0 || scanViolations < 0
                || openAtEnd < 0 || deepLeaks < 0) {
            throw new IllegalArgumentException("injection counts must not be negative");
        }
        if (leaks + handedOver + racesWithoutLeak + nearMisses + scanViolations + deepLeaks + behaviours.jobs() > jobs) {
            throw new IllegalArgumentException("more injections than jobs");
        }
    }

    /**
     * @param seed the seed
     * @return 40 jobs, 4 at once, 30% noise, 1 leak, 1 hand-over, 1 race without leak, 2 near
     *         misses, 1 scan violation, nothing open at the end, no PID reuse, starting
     *         14:03:07.25 on 2026-03-12, en-US
     */
    public static CaptureConfig defaults(long seed) {
        return new CaptureConfig(seed, 40, 4, 0.3, 1, 1, 1, 2, 1, 0, 0, false,
                (14 * 3600 + 3 * 60 + 7) * 10_000_000L + 2_500_000L, LocalDate.of(2026, 3, 12),
                CaptureLocale.EN_US, 0, Set.of(), false, Behaviours.NONE, Images.NONE);
    }

    /** @return a copy with another job count, parallelism and injection counts */
    public CaptureConfig withBuild(int newJobs, int newParallelism, int newLeaks, int newHandedOver, int newRaces,
                                   int newNearMisses) {
        return new CaptureConfig(seed, newJobs, newParallelism, noiseRatio, newLeaks, newHandedOver,
                newRaces, newNearMisses, scanViolations, openAtEnd, deepLeaks, pidReuse,
                startTime, firstDay, locale, targetEvents, quirks, story, behaviours, images);
    }

    /** @return a copy with another seed */
    public CaptureConfig withSeed(long newSeed) {
        return new CaptureConfig(newSeed, jobs, parallelism, noiseRatio, leaks, handedOver,
                racesWithoutLeak, nearMisses, scanViolations, openAtEnd, deepLeaks, pidReuse,
                startTime, firstDay, locale, targetEvents, quirks, story, behaviours, images);
    }

    /** @return a copy with another job count and parallelism */
    public CaptureConfig withJobs(int newJobs, int newParallelism) {
        return new CaptureConfig(seed, newJobs, newParallelism, noiseRatio, leaks, handedOver,
                racesWithoutLeak, nearMisses, scanViolations, openAtEnd, deepLeaks, pidReuse,
                startTime, firstDay, locale, targetEvents, quirks, story, behaviours, images);
    }

    /** @return a copy with other injection counts */
    public CaptureConfig withInjections(int newLeaks, int newHandedOver, int newRaces, int newNearMisses) {
        return new CaptureConfig(seed, jobs, parallelism, noiseRatio, newLeaks, newHandedOver,
                newRaces, newNearMisses, scanViolations, openAtEnd, deepLeaks, pidReuse,
                startTime, firstDay, locale, targetEvents, quirks, story, behaviours, images);
    }

    /** @return a copy with other counts of scan violations and files left open at the end */
    public CaptureConfig withExtras(int newScanViolations, int newOpenAtEnd) {
        return new CaptureConfig(seed, jobs, parallelism, noiseRatio, leaks, handedOver,
                racesWithoutLeak, nearMisses, newScanViolations, newOpenAtEnd, deepLeaks, pidReuse, startTime, firstDay, locale,
                targetEvents, quirks, story, behaviours, images);
    }

    /** @return a copy with another count of leaks through three generations */
    public CaptureConfig withDeepLeaks(int newDeepLeaks) {
        return new CaptureConfig(seed, jobs, parallelism, noiseRatio, leaks, handedOver, racesWithoutLeak,
                nearMisses, scanViolations, openAtEnd, newDeepLeaks, pidReuse, startTime, firstDay, locale,
                targetEvents, quirks, story, behaviours, images);
    }

    /** @return a copy with another noise ratio */
    public CaptureConfig withNoise(double newNoiseRatio) {
        return new CaptureConfig(seed, jobs, parallelism, newNoiseRatio, leaks, handedOver,
                racesWithoutLeak, nearMisses, scanViolations, openAtEnd, deepLeaks, pidReuse,
                startTime, firstDay, locale, targetEvents, quirks, story, behaviours, images);
    }

    /** @return a copy with PID reuse on or off */
    public CaptureConfig withPidReuse(boolean reuse) {
        return new CaptureConfig(seed, jobs, parallelism, noiseRatio, leaks, handedOver,
                racesWithoutLeak, nearMisses, scanViolations, openAtEnd, deepLeaks, reuse,
                startTime, firstDay, locale, targetEvents, quirks, story, behaviours, images);
    }

    /** @return a copy starting at another time of day (ticks since midnight) and day */
    public CaptureConfig withStart(long newStartTime, LocalDate newFirstDay) {
        return new CaptureConfig(seed, jobs, parallelism, noiseRatio, leaks, handedOver,
                racesWithoutLeak, nearMisses, scanViolations, openAtEnd, deepLeaks, pidReuse,
                newStartTime, newFirstDay, locale, targetEvents, quirks, story, behaviours, images);
    }

    /** @return a copy with another locale */
    public CaptureConfig withLocale(CaptureLocale newLocale) {
        return new CaptureConfig(seed, jobs, parallelism, noiseRatio, leaks, handedOver,
                racesWithoutLeak, nearMisses, scanViolations, openAtEnd, deepLeaks, pidReuse,
                startTime, firstDay, newLocale, targetEvents, quirks, story, behaviours, images);
    }

    /** @return a copy that runs until at least this many events exist */
    public CaptureConfig withTargetEvents(long newTargetEvents) {
        return new CaptureConfig(seed, jobs, parallelism, noiseRatio, leaks, handedOver,
                racesWithoutLeak, nearMisses, scanViolations, openAtEnd, deepLeaks, pidReuse,
                startTime, firstDay, locale, newTargetEvents, quirks, story, behaviours, images);
    }

    /** @return a copy with other export quirks */
    public CaptureConfig withQuirks(Set<ExportQuirk> newQuirks) {
        return new CaptureConfig(seed, jobs, parallelism, noiseRatio, leaks, handedOver, racesWithoutLeak,
                nearMisses, scanViolations, openAtEnd, deepLeaks, pidReuse, startTime, firstDay, locale, targetEvents,
                newQuirks, story, behaviours, images);
    }

    /** @return a copy with the story mode on or off */
    public CaptureConfig withStory(boolean newStory) {
        return new CaptureConfig(seed, jobs, parallelism, noiseRatio, leaks, handedOver,
                racesWithoutLeak, nearMisses, scanViolations, openAtEnd, deepLeaks, pidReuse,
                startTime, firstDay, locale, targetEvents, quirks, newStory, behaviours, images);
    }

    /** @return a copy with other behaviours of real builds */
    public CaptureConfig withBehaviours(Behaviours newBehaviours) {
        return new CaptureConfig(seed, jobs, parallelism, noiseRatio, leaks, handedOver, racesWithoutLeak,
                nearMisses, scanViolations, openAtEnd, deepLeaks, pidReuse, startTime, firstDay, locale, targetEvents,
                quirks, story, newBehaviours, images);
    }

    /** @return a copy with another driver runtime and recording of modules and stacks */
    public CaptureConfig withImages(Images newImages) {
        return new CaptureConfig(seed, jobs, parallelism, noiseRatio, leaks, handedOver, racesWithoutLeak,
                nearMisses, scanViolations, openAtEnd, deepLeaks, pidReuse, startTime, firstDay, locale, targetEvents,
                quirks, story, behaviours, newImages);
    }
}
