package org.pmtriage.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.InheritedHandle;
import org.pmtriage.analysis.OpenAtEnd;
import org.pmtriage.analysis.SharingViolation;
import org.pmtriage.analysis.SpawnRace;

/**
 * The folder a capture's build works in: the longest common folder of the paths the build writes,
 * as its findings show them (every finding's path when none was opened for writing), except that
 * when they all lie directly in that folder, its parent: a shape always names the file's folder,
 * so a log whose findings are all in {@code C:\build\gen} and one with findings in
 * {@code C:\build\gen} and {@code C:\build} give the same {@code gen\*.cpp}. Paths are shaped
 * relative to it, so that builds in different workspaces give the same pattern keys.
 *
 * @param folder the folder without a trailing separator, e.g. {@code C:\build}; empty when the
 *               paths share no folder
 */
public record BuildRoot(String folder) {

    public BuildRoot {
        Objects.requireNonNull(folder, "folder");
    }

    /** @return the build root of a log's findings */
    public static BuildRoot of(List<Finding> findings) {
        List<String> written = new ArrayList<>();
        List<String> all = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            all.add(f.path());
            if (writes(f)) {
                written.add(f.path());
            }
        }
        List<String> paths = written.isEmpty() ? all : written;
        String common = commonFolder(paths);
        if (!common.isEmpty() && allDirectlyIn(paths, common)) {
            return new BuildRoot(folderOf(common));
        }
        return new BuildRoot(common);
    }

    /**
     * @return the path's shape: its folder relative to the root (absolute when outside it), then
     *         {@code *} and its extension, lower case, e.g. {@code gen\*.cpp}
     */
    public String shape(String path) {
        int slash = lastSeparator(path);
        int folderEnd = Math.max(slash, 0);
        int dot = path.lastIndexOf('.');
        int relative = 0;
        if (!folder.isEmpty() && startsWithFolder(path, folderEnd, folder)) {
            relative = Math.min(folder.length() + 1, folderEnd);
        }
        StringBuilder shape = new StringBuilder(folderEnd - relative + 8);
        if (relative < folderEnd) {
            shape.append(path, relative, folderEnd).append('\\');
        }
        shape.append('*');
        if (dot > slash + 1) {
            shape.append(path, dot, path.length());
        }
        return shape.toString().toLowerCase(Locale.ROOT);
    }

    static String commonFolder(List<String> paths) {
        if (paths.isEmpty()) {
            return "";
        }
        String common = folderOf(paths.get(0));
        for (String p : paths) {
            int folderEnd = Math.max(lastSeparator(p), 0);
            while (!common.isEmpty() && !startsWithFolder(p, folderEnd, common)) {
                int slash = lastSeparator(common);
                common = slash < 0 ? "" : common.substring(0, slash);
            }
        }
        return common;
    }

    private static boolean allDirectlyIn(List<String> paths, String folder) {
        for (String p : paths) {
            if (lastSeparator(p) != folder.length() || !p.regionMatches(true, 0, folder, 0, folder.length())) {
                return false;
            }
        }
        return true;
    }

    /** @return whether the folder that ends at {@code folderEnd} of {@code path} is {@code prefix} or inside it */
    private static boolean startsWithFolder(String path, int folderEnd, String prefix) {
        return prefix.length() <= folderEnd && path.regionMatches(true, 0, prefix, 0, prefix.length())
                && (folderEnd == prefix.length() || isSeparator(path.charAt(prefix.length())));
    }

    private static String folderOf(String path) {
        int slash = lastSeparator(path);
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static int lastSeparator(String path) {
        // one scan from the end that stops at the file name, not one per separator through a whole path
        for (int i = path.length() - 1; i >= 0; i--) {
            if (isSeparator(path.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSeparator(char c) {
        return c == '\\' || c == '/';
    }

    private static boolean writes(Finding f) {
        if (f instanceof InheritedHandle h) {
            return h.open().writes();
        } else if (f instanceof SpawnRace r) {
            return r.open().writes();
        } else if (f instanceof OpenAtEnd o) {
            return o.open().writes();
        } else if (f instanceof SharingViolation v) {
            for (SharingViolation.Holder h : v.holders()) {
                if (h.open().writes()) {
                    return true;
                }
            }
        }
        return false;
    }
}
