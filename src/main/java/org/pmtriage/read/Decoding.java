package org.pmtriage.read;

import org.pmtriage.event.Operation;

/** Which fields a reader decodes into strings. */
public enum Decoding {
    /**
     * Everything {@link #FULL} decodes, and also the columns only an export of all ProcMon's
     * columns shows ({@code Event.columns()}: duration, category, event class, process table
     * columns), where the log has them. Costs one more object per event: only {@code convert} asks.
     */
    EXPORT,
    /** Every field of every event, as the log has it (tests, the analysis's own tests). */
    FULL,
    /**
     * What the analysis and its reports use: Path only for file, process and Load Image operations,
     * Detail only for CreateFile, process and Load Image events (a Process Start's may end before its
     * environment block), the stack only of the events a finding may cite (CreateFile, Process
     * Create); other events keep those fields empty. Readers may decode more.
     */
    ANALYSIS,
    /**
     * What counting ({@code stats}) uses: Path and Detail only for process events, as for
     * {@link #ANALYSIS}; file events keep them empty too, and no event keeps its stack. Readers may
     * decode more.
     */
    COUNTS;

    /** @return whether this level keeps the Path of an event of this meaning */
    public boolean keepsPath(Operation operation) {
        return isComplete() || operation.isProcess() || this == ANALYSIS && operation != Operation.OTHER;
    }

    /**
     * @return whether this level keeps the Detail of an event of this meaning (below
     *         {@link #FULL}, a Process Start's may end before its environment block)
     */
    public boolean keepsDetail(Operation operation) {
        return isComplete() || operation.isProcess()
                || this == ANALYSIS && (operation == Operation.CREATE_FILE || operation == Operation.LOAD_IMAGE);
    }

    /**
     * @return whether this level keeps the call stack of an event of this meaning: decoding every
     *         event's frames costs, so below {@link #FULL} only those of the events a finding may cite
     */
    public boolean keepsStack(Operation operation) {
        return isComplete()
                || this == ANALYSIS && (operation == Operation.CREATE_FILE || operation == Operation.PROCESS_CREATE);
    }

    /**
     * @return whether this level keeps the process table's columns (User, Company, Version, ...)
     *         that a text export repeats on every event, as {@link org.pmtriage.event.Event#columns()}:
     *         every level but {@link #COUNTS}
     */
    public boolean keepsProcessColumns() {
        return this != COUNTS;
    }

    /** @return whether this level decodes every field as the log has it ({@link #FULL} or more) */
    public boolean isComplete() {
        return this == EXPORT || this == FULL;
    }
}
