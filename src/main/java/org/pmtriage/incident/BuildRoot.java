package org.pmtriage.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.pmtriage.analysis.FileOpen;
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
        List<String> all = new ArrayList<>();
        for (Finding f : findings) {
            all.add(f.path());
            for (FileOpen open : opens(f)) {
                if (open.writes()) {
                    written.add(f.path());
                }
            }
        }
        List<String> paths = written.isEmpty() ? all : written;
        String common = commonFolder(paths);
        if (!common.isEmpty() && paths.stream().allMatch(p -> folderOf(p).equalsIgnoreCase(common))) {
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
        String folder = slash < 0 ? "" : path.substring(0, slash);
        String name = path.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        String extension = dot <= 0 ? "" : name.substring(dot);
        String relative = folder;
        if (!this.folder.isEmpty() && startsWithFolder(folder, this.folder)) {
            relative = folder.length() == this.folder.length() ? "" : folder.substring(this.folder.length() + 1);
        }
        return ((relative.isEmpty() ? "" : relative + "\\") + "*" + extension).toLowerCase(Locale.ROOT);
    }

    static String commonFolder(List<String> paths) {
        if (paths.isEmpty()) {
            return "";
        }
        String common = folderOf(paths.get(0));
        for (String p : paths) {
            while (!common.isEmpty() && !startsWithFolder(folderOf(p), common)) {
                int slash = lastSeparator(common);
                common = slash < 0 ? "" : common.substring(0, slash);
            }
        }
        return common;
    }

    private static boolean startsWithFolder(String folder, String prefix) {
        return folder.regionMatches(true, 0, prefix, 0, prefix.length())
                && (folder.length() == prefix.length() || isSeparator(folder.charAt(prefix.length())));
    }

    private static String folderOf(String path) {
        int slash = lastSeparator(path);
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static int lastSeparator(String path) {
        return Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
    }

    private static boolean isSeparator(char c) {
        return c == '\\' || c == '/';
    }

    private static List<FileOpen> opens(Finding f) {
        if (f instanceof InheritedHandle h) {
            return List.of(h.open());
        } else if (f instanceof SpawnRace r) {
            return List.of(r.open());
        } else if (f instanceof OpenAtEnd o) {
            return List.of(o.open());
        } else if (f instanceof SharingViolation v) {
            return v.holders().stream().map(SharingViolation.Holder::open).toList();
        }
        return List.of();
    }
}
