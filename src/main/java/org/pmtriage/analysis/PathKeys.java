package org.pmtriage.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the spellings of a path into one key per file. Case never matters; the Win32 prefixes
 * {@code \\?\} and {@code \??\} are dropped; a {@code \Device\HarddiskVolumeN} prefix becomes its
 * drive letter once the log itself has shown both forms of one file; an 8.3 short folder name
 * ({@code RUNNER~1}) becomes its long form once a process's current directory or command line has
 * given the long form of the same folder, and only one: only {@code ~1} names are paired, as the
 * number of a higher one depends on names the log may not show. Streams ({@code file:Zone.Identifier}) and trailing dots
 * stay distinct, as they name other objects.
 *
 * <p>What is learned applies to later events only: keys made before are not revised
 * ({@code docs/detection.md} states this limit).
 */
final class PathKeys {

    private static final String DEVICE = "\\device\\harddiskvolume";
    /** Learned aliases and remembered folders at most; a log that shows more is hostile. */
    private static final int MAX_ALIASES = 4096;

    /** Spellings whose keys are remembered, direct-mapped by hash; a power of two. */
    private static final int CACHED_PATHS = 4096;
    /** Current directories and command lines remembered as read; a power of two. */
    private static final int READ_TEXTS = 64;

    private final String[] cachedPaths = new String[CACHED_PATHS];
    private final String[] cachedKeys = new String[CACHED_PATHS];
    /** Learned 8.3 prefixes: lower-case short form to lower-case long form. */
    private final Map<String, String> shortToLong = new HashMap<>();
    /** Device volumes whose drive letter is known: "\device\harddiskvolume3" to "c:". */
    private final Map<String, String> volumes = new HashMap<>();
    /** Tails (the path after the volume) of device-form paths, to pair with a drive-form spelling. */
    private final Map<String, String> deviceTails = new HashMap<>();
    /** Tails of drive-form paths, kept only once a device-form path has appeared. */
    private final Map<String, String> driveTails = new HashMap<>();
    /** Folders named by processes (current directories, command lines), lower-case. */
    private final Set<String> longFolders = new LinkedHashSet<>();
    /** Texts {@link #knownFolders} read lately, direct-mapped by hash. */
    private final String[] readTexts = new String[READ_TEXTS];
    /** Short prefixes already looked for among {@link #longFolders} since the last new folder. */
    private final Set<String> triedShortPrefixes = new HashSet<>();

    /**
     * @param path a path as the log spells it
     * @return the key of the file it names
     */
    String key(String path) {
        // Until a device-form path shows up, the key of a path without short names is its lower-case
        // form and learns nothing: such keys are remembered, so a spelling met again costs a lookup.
        if (deviceTails.isEmpty()) {
            int slot = slot(path, CACHED_PATHS);
            String seen = cachedPaths[slot];
            if (seen == path || path.equals(seen)) {
                return cachedKeys[slot];
            }
            return keyOf(path, slot);
        }
        return keyOf(path, -1);
    }

    /**
     * @param path a path as the log spells it
     * @return an equal spelling met before, when one is remembered, else {@code path}: what the
     *         pass keeps (such as the image path of each process) then holds one copy of it
     */
    String shared(String path) {
        String seen = cachedPaths[slot(path, CACHED_PATHS)];
        return path.equals(seen) ? seen : path;
    }

    /** @return the slot of {@code text} in a direct-mapped table of {@code slots} (a power of two) */
    private static int slot(String text, int slots) {
        int h = text.hashCode();
        return (h ^ (h >>> 16)) & (slots - 1);
    }

    /** The key of a spelling not remembered; {@code slot} is where to remember it, or -1 when it may not be. */
    private String keyOf(String path, int slot) {
        String p = stripPrefix(path).toLowerCase(Locale.ROOT);
        if (p.startsWith(DEVICE)) {
            p = deviceToDrive(p);
        } else if (!deviceTails.isEmpty() && p.length() > 2 && p.charAt(1) == ':') {
            learnVolume(p);
        } else if (slot >= 0 && !hasShortComponent(p)) {
            cachedPaths[slot] = path;
            cachedKeys[slot] = p;
            return p;
        }
        if (!longFolders.isEmpty() && hasShortComponent(p)) {
            p = longForm(p);
        }
        return p;
    }

    /**
     * Remembers the folders a process names in its current directory or command line: they give
     * the long form of folders that other events may spell with 8.3 short names.
     *
     * @param text a current directory or a command line
     */
    void knownFolders(String text) {
        if (longFolders.size() >= MAX_ALIASES) {
            return;
        }
        // a text met again (every job of a build starts in one folder) has nothing new to give
        int slot = slot(text, READ_TEXTS);
        if (text.equals(readTexts[slot])) {
            return;
        }
        readTexts[slot] = text;
        for (String path : candidatePaths(text.toLowerCase(Locale.ROOT))) {
            if (longFolders.size() >= MAX_ALIASES) {
                return;
            }
            if (!hasShortComponent(path) && longFolders.add(path)) {
                triedShortPrefixes.clear();
            }
        }
    }

    /** @return whether {@code path} has a component that may be an 8.3 short name ({@code ~} and a digit) */
    static boolean hasShortComponent(String path) {
        for (int tilde = path.indexOf('~'); tilde >= 0; tilde = path.indexOf('~', tilde + 1)) {
            if (tilde + 1 < path.length() && Character.isDigit(path.charAt(tilde + 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return whether {@code shortName} is an 8.3 alias of {@code longName}: up to six leading
     *         characters of the long name without spaces and dots, {@code ~N}, and the first
     *         letters of its extension
     */
    static boolean isShortFormOf(String shortName, String longName) {
        int tilde = shortName.indexOf('~');
        if (tilde < 1 || tilde > 6 || tilde + 1 >= shortName.length() || !Character.isDigit(shortName.charAt(tilde + 1))
                || shortName.equals(longName)) {
            return false;
        }
        int dot = shortName.indexOf('.', tilde);
        int longDot = longName.lastIndexOf('.');
        String longStem = (longDot > 0 ? longName.substring(0, longDot) : longName).replace(" ", "").replace(".", "");
        if (!longStem.startsWith(shortName.substring(0, tilde))) {
            return false;
        }
        String ext = dot < 0 ? "" : shortName.substring(dot + 1);
        String longExt = longDot > 0 ? longName.substring(longDot + 1) : "";
        return longExt.startsWith(ext);
    }

    private String longForm(String p) {
        learnShortForm(p);
        for (int end = p.length(); end > 0; end = p.lastIndexOf('\\', end - 1)) {
            String alias = shortToLong.get(p.substring(0, end));
            if (alias != null) {
                return alias + p.substring(end);
            }
        }
        return p;
    }

    private void learnShortForm(String p) {
        int lastShort = p.lastIndexOf('~');
        int prefixEnd = p.indexOf('\\', lastShort);
        String prefix = prefixEnd < 0 ? p : p.substring(0, prefixEnd);
        if (shortToLong.containsKey(prefix) || shortToLong.size() >= MAX_ALIASES || triedShortPrefixes.size() >= MAX_ALIASES
                || !triedShortPrefixes.add(prefix)) {
            return;
        }
        String[] shortParts = prefix.split("\\\\");
        String match = null;
        for (String folder : longFolders) {
            String[] longParts = folder.split("\\\\");
            if (longParts.length < shortParts.length) {
                continue;
            }
            boolean same = true;
            for (int i = 0; i < shortParts.length && same; i++) {
                same = shortParts[i].equals(longParts[i])
                        || shortParts[i].endsWith("~1") && isShortFormOf(shortParts[i], longParts[i]);
            }
            String candidate = String.join("\\", Arrays.copyOf(longParts, shortParts.length));
            if (same && match != null && !match.equals(candidate)) {
                return;
            }
            if (same) {
                match = candidate;
            }
        }
        if (match != null) {
            shortToLong.put(prefix, match);
        }
    }

    private String deviceToDrive(String p) {
        int slash = p.indexOf('\\', DEVICE.length());
        String volume = slash < 0 ? p : p.substring(0, slash);
        String tail = slash < 0 ? "" : p.substring(slash);
        String drive = volumes.get(volume);
        if (drive != null) {
            return drive + tail;
        }
        if (!tail.isEmpty()) {
            String knownDrive = driveTails.get(tail);
            if (knownDrive != null && volumes.size() < MAX_ALIASES) {
                volumes.put(volume, knownDrive);
                return knownDrive + tail;
            }
            if (deviceTails.size() < MAX_ALIASES) {
                deviceTails.put(tail, volume);
            }
        }
        return p;
    }

    private void learnVolume(String p) {
        String tail = p.substring(2);
        String volume = deviceTails.get(tail);
        if (volume != null && !volumes.containsKey(volume) && volumes.size() < MAX_ALIASES) {
            volumes.put(volume, p.substring(0, 2));
        } else if (driveTails.size() < MAX_ALIASES) {
            driveTails.put(tail, p.substring(0, 2));
        }
    }

    /** Drive-letter paths inside a text (a command line may hold several, quoted or not). */
    private static List<String> candidatePaths(String text) {
        List<String> out = new ArrayList<>();
        for (int i = text.indexOf(":\\", 1); i >= 1 && out.size() < 16; i = text.indexOf(":\\", i + 1)) {
            if (Character.isLetter(text.charAt(i - 1))) {
                boolean quoted = i >= 2 && text.charAt(i - 2) == '"';
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '"' && (quoted || text.charAt(end) != ' ')) {
                    end++;
                }
                String path = text.substring(i - 1, end);
                out.add(path.endsWith("\\") ? path.substring(0, path.length() - 1) : path);
                i = end;
            }
        }
        return out;
    }

    private static String stripPrefix(String path) {
        if (path.startsWith("\\\\?\\") || path.startsWith("\\??\\")) {
            String rest = path.substring(4);
            return rest.regionMatches(true, 0, "UNC\\", 0, 4) ? "\\\\" + rest.substring(4) : rest;
        }
        return path;
    }
}
