package org.pmtriage.analysis;

/**
 * Something the analysis found. Each kind is a record with its own facts; all share these.
 */
public sealed interface Finding permits InheritedHandle, SpawnRace, SharingViolation, OpenAtEnd {

    /** @return what kind of finding this is */
    FindingKind kind();

    /** @return how bad it is */
    Severity severity();

    /** @return the file path the finding is about */
    String path();

    /** @return the timeline position the finding is ordered by (its first event) */
    long at();
}
