package org.pmtriage.analysis;

import java.util.EnumMap;
import java.util.Map;

/**
 * How many findings of each kind the pass found, and whether one more may be listed: at most
 * {@link #MAX_LISTED} per kind are kept for the report, the rest are only counted.
 */
final class FindingCounts {

    /** Findings listed per kind; beyond this they are only counted. */
    static final int MAX_LISTED = 100_000;
    /**
     * Informational spawn races and inherited handles listed per kind: a build of tens of thousands
     * of redirected jobs has one of each per job, and holding them all would make memory grow with
     * the build's size. Beyond this they are only counted.
     */
    static final int MAX_LISTED_INFO = 10_000;

    // by ordinal: a count per graded race, and EnumMap.merge with its boxing made a large method to compile
    private final long[] counts = new long[FindingKind.values().length];
    private final long[] listedInfo = new long[FindingKind.values().length];

    /**
     * Counts one finding.
     *
     * @return whether it may be listed
     */
    boolean count(FindingKind kind) {
        return ++counts[kind.ordinal()] <= MAX_LISTED;
    }

    /**
     * Counts one finding of the given severity: an informational one is listed only while fewer
     * than {@link #MAX_LISTED_INFO} of its kind are.
     *
     * @return whether it may be listed
     */
    boolean count(FindingKind kind, Severity severity) {
        if (severity != Severity.INFO) {
            return count(kind);
        }
        boolean listed = ++listedInfo[kind.ordinal()] <= MAX_LISTED_INFO;
        return listed ? count(kind) : countUnlisted(kind);
    }

    /** Counts findings that are never listed one by one. */
    void countUnlisted(FindingKind kind, long n) {
        counts[kind.ordinal()] += n;
    }

    private boolean countUnlisted(FindingKind kind) {
        countUnlisted(kind, 1);
        return false;
    }

    /** @return findings per kind, every kind present */
    Map<FindingKind, Long> all() {
        Map<FindingKind, Long> out = new EnumMap<>(FindingKind.class);
        for (FindingKind kind : FindingKind.values()) {
            out.put(kind, counts[kind.ordinal()]);
        }
        return out;
    }
}
