package org.pmtriage.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.pmtriage.diagnosis.ProcessIdentity;
import org.pmtriage.diagnosis.ProcessProfile;
import org.pmtriage.event.Event;

/**
 * One process instance: a PID plus a lifetime. Mutable while the pass runs; findings see it
 * through {@link #ref()}.
 */
final class ProcessNode {

    final int pid;
    String name;
    String commandLine;
    /**
     * The parent while the spawn is not yet linked (null after, so that no ancestor is kept alive),
     * or for good when only the Parent PID column names it.
     */
    ProcessNode parent;
    long startedAt = ProcessRef.UNKNOWN_TIME;
    long exitedAt = ProcessRef.UNKNOWN_TIME;
    /** The time of its first event in the log, or {@link ProcessRef#UNKNOWN_TIME} before it. */
    long firstSeenAt = ProcessRef.UNKNOWN_TIME;
    /** Which process with this PID it is in the capture, from 1. */
    int instance = 1;
    /** Which process of the capture it is, from 0, in the order they were counted. */
    long serial;
    long exitStatus = ProcessRef.UNKNOWN_STATUS;
    /** Saw its Process Start (or it comes from the log's process table). */
    boolean started;
    /** Its index in the log's process table, or {@link Event#UNKNOWN} when it is not from one. */
    int tableIndex = Event.UNKNOWN;
    /**
     * Its runtime is counted at the end, not when it is retired: a table process that the table
     * says exited (so counted, as when such processes stayed mapped, only when last of its PID).
     */
    boolean tallyAtEnd;
    /** Saw its Process Exit. */
    boolean exitLogged;
    /** Left the PID map a second after its exit. */
    boolean retired;
    /** Saw at least one event of its own. */
    boolean seen;
    /** Counted among the capture's processes. */
    boolean counted;
    /** Its spawn was already given to the handle tracker. */
    boolean linked;
    /** File objects it opened that are still open, in opening order; null while none, and again once it is retired without any. */
    private Set<FileObject> owned;
    /** File objects of its ancestors that were open when it was spawned (or, within the tolerance, just after). */
    List<FileObject> inherited = List.of();
    /** Its spawns of the last {@link HandleTracker#ORDER_TOLERANCE}, for opens logged just after them; null while none. */
    ArrayDeque<SpawnLink> recentSpawns;
    /** Inherited objects it passed on to a child of its own; null while none. */
    Set<FileObject> passedOn;
    /** Keys of its image and loaded modules, while it lives; null while none. */
    List<String> images;
    /** What the log tells of it beyond name and command line (image, version, modules); null while nothing. */
    ProcessProfile profile;

    ProcessNode(int pid, String name, String commandLine) {
        this.pid = pid;
        this.name = name;
        this.commandLine = commandLine;
    }

    boolean exited() {
        return exitedAt != ProcessRef.UNKNOWN_TIME;
    }

    boolean aliveAt(long time) {
        return exitedAt == ProcessRef.UNKNOWN_TIME || exitedAt > time;
    }

    void own(FileObject object) {
        if (owned == null) {
            owned = new LinkedHashSet<>(4);
        }
        owned.add(object);
    }

    void disown(FileObject object) {
        if (owned != null) {
            owned.remove(object);
        }
    }

    /** @return the file objects it opened that are still open, in opening order */
    Set<FileObject> owned() {
        return owned == null ? Set.of() : owned;
    }

    /** It was retired: an empty set of objects is not kept for the findings that still name it. */
    void retired() {
        if (owned != null && owned.isEmpty()) {
            owned = null;
        }
    }

    void passedOn(FileObject object) {
        if (passedOn == null) {
            passedOn = new HashSet<>(4);
        }
        passedOn.add(object);
    }

    boolean hasPassedOn(FileObject object) {
        return passedOn != null && passedOn.contains(object);
    }

    void inherit(FileObject object) {
        if (!(inherited instanceof ArrayList)) {
            inherited = new ArrayList<>(inherited);
        }
        inherited.add(object);
    }

    ProcessRef ref() {
        return new ProcessRef(pid, name, commandLine, startedAt, exitedAt, instance, exitStatus, identity());
    }

    ProcessProfile profile() {
        if (profile == null) {
            profile = new ProcessProfile();
        }
        return profile;
    }

    ProcessIdentity identity() {
        return profile().identity(name, commandLine);
    }
}
