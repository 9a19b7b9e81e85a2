package org.pmtriage.analysis;

import java.util.List;

import org.pmtriage.event.Event;

/**
 * What the {@link HandleTracker} tells the detectors as the pass runs. Each detector listens for
 * the moments its rule needs and keeps what it will report; all methods default to nothing.
 */
interface HandleListener {

    /**
     * A spawn shortly after (or, within the timing tolerance, just before) its parent opened an
     * object that was still open.
     *
     * @param orderAmbiguous the open and the spawn are too close, on different or unknown threads,
     *                       for the log to tell which came first
     */
    default void raced(FileObject object, SpawnLink spawn, boolean orderAmbiguous) {
    }

    /**
     * The last handle of an object was released by a process other than its opener.
     *
     * @param chain    the spawns from the opener down to the closer
     * @param evidence how the chain is known
     */
    default void closedByOther(FileObject object, Event close, List<SpawnLink> chain,
                               InheritedHandle.Evidence evidence) {
    }

    /** An object is no longer open: closed by anyone, or gone with the exit of everyone who could hold it. */
    default void released(FileObject object) {
    }

    /**
     * A CreateFile failed with SHARING VIOLATION.
     *
     * @param key  the refused file's key
     * @param open the objects open on the path then that a live process could hold, most recent first (at most {@link HandleTracker#MAX_HOLDERS})
     */
    default void refused(Event e, String key, ProcessNode victim, List<FileObject> open) {
    }
}
