package org.pmtriage.generator;

import java.util.EnumSet;
import java.util.Set;

/** Ways real exports differ from the usual shape, each on request. */
public enum ExportQuirk {
    /**
     * ProcMon's "Enable Advanced Output": raw IRP names ({@code IRP_MJ_CREATE}, {@code IRP_MJ_CLEANUP},
     * {@code IRP_MJ_READ}, {@code IRP_MJ_WRITE}, {@code IRP_MJ_QUERY_INFORMATION},
     * {@code IRP_MJ_SET_INFORMATION}), and an {@code IRP_MJ_CLOSE} shortly after every cleanup,
     * which is not a handle close.
     */
    ADVANCED_OUTPUT,
    /** Old exports: a Process Start Detail holds only {@code Parent PID: 1432}. */
    OLD_PROCESS_START,
    /**
     * Background noise with what real machines also log: paths in German, Russian and Japanese and
     * one with a character outside the BMP (which the XML export writes as {@code __}), opens
     * failing with ACCESS DENIED, IS DIRECTORY or a raw status ({@code 0xC000046F}), registry reads
     * with BUFFER OVERFLOW, and reads still pending (empty Result).
     */
    EXOTIC_NOISE,
    /** No CloseFile events at all, as in Noriben's captures (its filters drop them). */
    NO_CLOSE_EVENTS,
    /** No Process Create, Process Start, Process Exit, Thread Create or Thread Exit events. */
    NO_PROCESS_EVENTS,
    /**
     * Process Create and Process Start filtered out (a path filter on the build's folders), Process
     * Exit kept: processes appear without their creation; export a Parent PID column to link them.
     */
    PROCESS_CREATE_FILTERED;

    /** @return the quirks that change how events are written but drop none */
    public static Set<ExportQuirk> rewordings() {
        return EnumSet.of(ADVANCED_OUTPUT, OLD_PROCESS_START, EXOTIC_NOISE);
    }
}
