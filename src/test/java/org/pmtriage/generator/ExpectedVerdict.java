package org.pmtriage.generator;

/**
 * The verdicts issue 11 asks of the analysis, as the truth states them: the evidence behind each
 * injected spawn race (resolved into a grade once it is known whether the export has TIDs) and the
 * severity tables for races and inherited handles.
 */
final class ExpectedVerdict {

    /** What the log proves about a race, strongest first (the first that applies wins). */
    enum RaceEvidence {
        /** The opener's own CloseFile while every child spawned in the window was alive. */
        REFUTED,
        /** Closed by a descendant through this child, nobody on the way having used it. */
        CONFIRMED,
        /** The child or a descendant used the object (redirection). */
        INTENDED,
        /** A directory handle, a read-only permissive open or the child's own image. */
        BENIGN,
        /** The opener kept writing after the spawn: likely with or without TIDs. */
        KEPT_WRITING,
        /** Open and spawn on different threads: likely when the log has TIDs, else possible. */
        CROSS_THREAD,
        /** Open and spawn on one thread, nothing else known: possible. */
        SAME_THREAD;

        /**
         * @param tids whether the export has a TID column
         * @return the grade the analysis prints
         */
        String grade(boolean tids) {
            return switch (this) {
                case REFUTED -> "refuted";
                case CONFIRMED -> "confirmed";
                case INTENDED -> "intended";
                case BENIGN -> "benign";
                case KEPT_WRITING -> "likely";
                case CROSS_THREAD -> tids ? "likely" : "possible";
                case SAME_THREAD -> "possible";
            };
        }
    }

    private ExpectedVerdict() {
    }

    /**
     * @param grade   a race's grade
     * @param harmful written, shared restrictively or the cause of a sharing violation
     * @return {@code error}, {@code warning} or {@code info}; null for a refuted race (not listed)
     */
    static String raceSeverity(String grade, boolean harmful) {
        return switch (grade) {
            case "refuted" -> null;
            case "confirmed" -> harmful ? "error" : "warning";
            case "likely" -> "warning";
            case "possible" -> harmful ? "warning" : "info";
            case "intended", "benign" -> "info";
            default -> throw new IllegalArgumentException("no such grade: " + grade);
        };
    }

    /**
     * @param verdict {@code leaked}, {@code handed-over} or {@code leaked-after-hand-over}
     * @param harm    for {@code leaked}: written, shared restrictively or the cause of a sharing
     *                violation; for {@code leaked-after-hand-over}: the onward copy outlived the step
     *                or caused a sharing violation
     * @return the inherited-handle finding's severity
     */
    static String leakSeverity(String verdict, boolean harm) {
        return switch (verdict) {
            case "handed-over" -> "info";
            case "leaked", "leaked-after-hand-over" -> harm ? "error" : "warning";
            default -> throw new IllegalArgumentException("no such verdict: " + verdict);
        };
    }

    /** @return whether a share mode is narrower than Read, Write (a restrictive open) */
    static boolean restrictive(String shareMode) {
        return !(shareMode.contains("Read") && shareMode.contains("Write"));
    }
}
