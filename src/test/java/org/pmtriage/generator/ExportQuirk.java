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
    OLD_PROCESS_START
}
