package org.pmtriage.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files live processes run: their images (Process Create Path, Process Start, Image Path
 * column, the log's process table) and the modules they loaded (Load Image). Such a file cannot be
 * opened for writing while its section maps it. Entries leave with their process.
 */
final class RunningImages {

    /** Images and modules remembered per process at most; more means a hostile log. */
    private static final int MAX_PER_PROCESS = 4096;

    private final Map<String, List<ProcessNode>> byKey = new HashMap<>();
    private final PathKeys keys;

    RunningImages(PathKeys keys) {
        this.keys = keys;
    }

    /** {@code process} runs or loaded {@code path}. */
    void add(ProcessNode process, String path) {
        if (path.isEmpty()) {
            return;
        }
        if (process.images == null) {
            process.images = new ArrayList<>(4);
        }
        String key = keys.key(path);
        if (process.images.size() >= MAX_PER_PROCESS || process.images.contains(key)) {
            return;
        }
        process.images.add(key);
        byKey.computeIfAbsent(key, k -> new ArrayList<>(1)).add(process);
    }

    /** {@code process} is gone: it maps nothing any more. */
    void remove(ProcessNode process) {
        if (process.images == null) {
            return;
        }
        for (String key : process.images) {
            List<ProcessNode> list = byKey.get(key);
            if (list != null) {
                list.remove(process);
                if (list.isEmpty()) {
                    byKey.remove(key);
                }
            }
        }
        process.images = null;
    }

    /** @return the processes alive at {@code time} that run or loaded the file with this key */
    List<ProcessNode> liveAt(String key, long time) {
        List<ProcessNode> out = new ArrayList<>(1);
        for (ProcessNode p : byKey.getOrDefault(key, List.of())) {
            if (p.aliveAt(time) && (p.startedAt == ProcessRef.UNKNOWN_TIME || p.startedAt <= time)) {
                out.add(p);
            }
        }
        return out;
    }
}
