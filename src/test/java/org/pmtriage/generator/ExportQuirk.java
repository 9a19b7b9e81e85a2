package org.pmtriage.generator;

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
    EXOTIC_NOISE
}
