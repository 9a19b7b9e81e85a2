package org.pmtriage.generator;

import java.util.ArrayList;
import java.util.List;

import org.pmtriage.event.Event;
import org.pmtriage.event.ProcessColumns;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.generator.CaptureTruth.Proc;
import org.pmtriage.generator.ImageCatalog.Image;

/**
 * A simulated process: identity, lineage and lifetime, mutable only in its end time, its clock and
 * the directory handles it holds.
 */
final class SimProcess {

    final int index;
    final int pid;
    final int parentPid;
    final int parentIndex;
    final String name;
    final String imagePath;
    final String commandLine;
    final long startTime;
    final int mainTid;
    /** The parent when it is simulated, else null. */
    final SimProcess parent;
    /** When the parent logged this process's Process Create (its start for processes seen running). */
    final long createdAt;
    /** Directory handles this process holds, its own and inherited (with current-directory opens). */
    final List<DirectoryHandles.Handle> held = new ArrayList<>(2);
    /** The images mapped into it, its own first, when the capture records them ({@link Images#recorded()}), else null. */
    List<Image> images;
    /** The code it runs, when the capture records images. */
    CodePaths.Profile profile;
    /** The parent's thread that spawned it (0 for processes running before the capture). */
    int spawnTid;
    /** Whether its first Thread Create (which carries the parent's stack) was logged. */
    boolean firstThreadLogged;
    long endTime = ProcessInfo.UNKNOWN_TIME;
    /** Time of the process's latest planned event, used by the scripts as a cursor. */
    long clock;

    SimProcess(int index, int pid, SimProcess parent, int parentPid, String imagePath,
               String commandLine, long createdAt, long startTime, int mainTid) {
        this.parent = parent;
        this.createdAt = createdAt;
        this.index = index;
        this.pid = pid;
        this.parentPid = parent == null ? parentPid : parent.pid;
        this.parentIndex = parent == null ? Event.UNKNOWN : parent.index;
        this.imagePath = imagePath;
        this.name = imagePath.substring(imagePath.lastIndexOf('\\') + 1);
        this.commandLine = commandLine;
        this.startTime = startTime;
        this.mainTid = mainTid;
    }

    Proc ref() {
        return new Proc(pid, name);
    }

    ProcessInfo info() {
        if (images == null) {
            return new ProcessInfo(index, pid, parentPid, parentIndex, name, imagePath, commandLine, startTime, endTime);
        }
        Image own = images.get(0);
        ColumnValues.Metadata m = ColumnValues.metadata(name);
        ProcessColumns columns = new ProcessColumns(m.user(), m.integrity(), own.company(), own.description(),
                own.version(), luid(m.authenticationId()), Integer.parseInt(m.session()), false, true);
        return new ProcessInfo(index, pid, parentPid, parentIndex, name, imagePath, commandLine, startTime, endTime,
                columns, images.stream().map(Image::module).toList());
    }

    /** @return {@code 00000000:0003a2f1} as a number, high half first */
    private static long luid(String text) {
        int colon = text.indexOf(':');
        return Long.parseLong(text.substring(0, colon), 16) << 32 | Long.parseLong(text.substring(colon + 1), 16);
    }
}
