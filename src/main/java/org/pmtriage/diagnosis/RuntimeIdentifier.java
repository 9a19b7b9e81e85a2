package org.pmtriage.diagnosis;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pmtriage.event.Module;

/**
 * Names the runtime of a process from what the log tells of it, the strongest evidence first: a
 * module it loaded, its image's version resource, its image path, its command line, its name
 * ({@link EvidenceKind}). The rules and where they can be wrong are in {@code docs/diagnosis.md}.
 */
public final class RuntimeIdentifier {

    /** {@code python27.dll}, {@code python310.dll}; not {@code python3.dll}, the stable-ABI forwarder. */
    private static final Pattern PYTHON_DLL = Pattern.compile("python([23])(\\d{1,2})\\.dll");
    /** An install folder such as {@code C:\Python27\} or {@code ...\Python\Python310-32\}. */
    private static final Pattern PYTHON_FOLDER = Pattern.compile("\\\\python([23])(\\d{1,2})(?:-(?:32|64|arm64))?\\\\",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_NUMBERS = Pattern.compile("^(\\d+)(?:\\.(\\d+))?");
    private static final Pattern DOTTED_NUMBERS = Pattern.compile("^\\d+(?:\\.\\d+)*");

    private static final Map<String, RuntimeKind> MODULES = Map.of(
            "coreclr.dll", RuntimeKind.DOTNET,
            "clr.dll", RuntimeKind.DOTNET,
            "jvm.dll", RuntimeKind.JAVA,
            "system.management.automation.dll", RuntimeKind.POWERSHELL,
            "system.management.automation.ni.dll", RuntimeKind.POWERSHELL,
            "microsoft.build.dll", RuntimeKind.MSBUILD);

    /** Runtimes that run on .NET: a .NET module in their process confirms them rather than overrides them. */
    private static final Set<RuntimeKind> DOTNET_HOSTS = EnumSet.of(RuntimeKind.POWERSHELL,
            RuntimeKind.MSBUILD, RuntimeKind.VBCSCOMPILER);

    private static final Map<String, RuntimeKind> NAMES = Map.ofEntries(
            Map.entry("python.exe", RuntimeKind.CPYTHON),
            Map.entry("pythonw.exe", RuntimeKind.CPYTHON),
            Map.entry("dotnet.exe", RuntimeKind.DOTNET),
            Map.entry("powershell.exe", RuntimeKind.POWERSHELL),
            Map.entry("pwsh.exe", RuntimeKind.POWERSHELL),
            Map.entry("node.exe", RuntimeKind.NODE),
            Map.entry("go.exe", RuntimeKind.GO),
            Map.entry("java.exe", RuntimeKind.JAVA),
            Map.entry("javaw.exe", RuntimeKind.JAVA),
            Map.entry("git.exe", RuntimeKind.GIT),
            Map.entry("ninja.exe", RuntimeKind.NINJA),
            Map.entry("msbuild.exe", RuntimeKind.MSBUILD),
            Map.entry("mspdbsrv.exe", RuntimeKind.MSPDBSRV),
            Map.entry("vbcscompiler.exe", RuntimeKind.VBCSCOMPILER),
            Map.entry("msmpeng.exe", RuntimeKind.ANTIVIRUS),
            Map.entry("nissrv.exe", RuntimeKind.ANTIVIRUS),
            Map.entry("searchprotocolhost.exe", RuntimeKind.INDEXER),
            Map.entry("searchindexer.exe", RuntimeKind.INDEXER),
            Map.entry("searchfilterhost.exe", RuntimeKind.INDEXER));

    private RuntimeIdentifier() {
    }

    /**
     * @param modulePath a module's path (or file name)
     * @return the runtime the module means whatever the EXE is called, or null when it means none
     */
    public static RuntimeId fromModule(String modulePath) {
        String file = fileName(modulePath).toLowerCase(Locale.ROOT);
        Matcher python = PYTHON_DLL.matcher(file);
        if (python.matches()) {
            return new RuntimeId(RuntimeKind.CPYTHON, python.group(1) + "." + python.group(2), EvidenceKind.MODULE,
                    modulePath);
        }
        RuntimeKind kind = MODULES.get(file);
        return kind == null ? null : new RuntimeId(kind, "", EvidenceKind.MODULE, modulePath);
    }

    /** @return whether a module of this path names a runtime: one kept as evidence */
    public static boolean decides(String modulePath) {
        return fromModule(modulePath) != null;
    }

    /**
     * @return the runtime the image's version resource names, or null
     */
    static RuntimeId fromVersionResource(String description, String company, String version) {
        String d = description.toLowerCase(Locale.ROOT);
        String c = company.toLowerCase(Locale.ROOT);
        RuntimeKind kind = null;
        String v = numeric(version);
        if (c.contains("python software foundation") || d.equals("python")) {
            kind = RuntimeKind.CPYTHON;
            v = majorMinor(version);
        } else if (c.equals("node.js") || d.startsWith("node.js")) {
            kind = RuntimeKind.NODE;
        } else if (d.contains("java(tm) platform") || d.contains("openjdk platform")) {
            kind = RuntimeKind.JAVA;
        } else if (c.contains("git development community") || d.equals("git for windows")) {
            kind = RuntimeKind.GIT;
        } else if (d.equals("windows powershell")) {
            kind = RuntimeKind.POWERSHELL;
            v = ""; // powershell.exe carries Windows's build number (10.0.x), not PowerShell's 5.1
        } else if (d.equals("pwsh")) {
            kind = RuntimeKind.POWERSHELL;
        } else if (d.equals("antimalware service executable")) {
            kind = RuntimeKind.ANTIVIRUS;
        } else if (d.startsWith("microsoft windows search")) {
            kind = RuntimeKind.INDEXER;
        } else if (d.equals("msbuild.exe")) {
            kind = RuntimeKind.MSBUILD;
        }
        if (kind == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {description, company, version}) {
            if (!part.isEmpty()) {
                text.append(text.length() == 0 ? "" : ", ").append(part);
            }
        }
        return new RuntimeId(kind, v, EvidenceKind.VERSION_RESOURCE, text.toString());
    }

    /**
     * @param path an image path
     * @param kind {@link EvidenceKind#IMAGE_PATH}, or {@link EvidenceKind#COMMAND_LINE} for the
     *             program a command line names
     * @return the runtime its install folder or file name names, or null
     */
    static RuntimeId fromPath(String path, EvidenceKind kind, String text) {
        String lower = path.toLowerCase(Locale.ROOT);
        // the folder's pattern only where it can match: most paths do not, and a search per path costs
        if (lower.contains("\\python")) {
            Matcher python = PYTHON_FOLDER.matcher(path);
            if (python.find()) {
                return new RuntimeId(RuntimeKind.CPYTHON, python.group(1) + "." + python.group(2), kind, text);
            }
        }
        if (lower.contains("\\git\\") && lower.endsWith(".exe")) {
            return new RuntimeId(RuntimeKind.GIT, "", kind, text);
        }
        RuntimeKind named = NAMES.get(fileName(lower));
        return named == null ? null : new RuntimeId(named, "", kind, text);
    }

    /** @return the runtime a process name alone suggests, or null */
    static RuntimeId fromName(String name) {
        RuntimeKind kind = NAMES.get(name.toLowerCase(Locale.ROOT));
        return kind == null ? null : new RuntimeId(kind, "", EvidenceKind.IMAGE_NAME, name);
    }

    /**
     * Identifies a process's runtime from everything the log tells of it, the strongest evidence
     * first; an MSBuild started with {@code /nodemode} is a worker node.
     *
     * @param name        the process name
     * @param imagePath   its image path, empty when unknown
     * @param commandLine its command line, empty when unknown
     * @param columns     its image's version resource (description, company, version), empty when unknown
     * @param modules     modules it loaded that name a runtime ({@link #decides})
     * @return the runtime and its evidence, {@link RuntimeId#UNKNOWN} when nothing tells
     */
    public static RuntimeId identify(String name, String imagePath, String commandLine, VersionResource columns,
                                     List<Module> modules) {
        RuntimeId byModule = null;
        for (Module m : modules) {
            RuntimeId r = fromModule(m.path());
            if (r != null && (byModule == null || byModule.runtime() == RuntimeKind.DOTNET)) {
                byModule = r;
            }
        }
        // most logs give no version resource (a CSV of the default columns): nothing to lower-case or match
        RuntimeId byResource = columns.empty() ? null
                : fromVersionResource(columns.description(), columns.company(), columns.version());
        String program = program(commandLine);
        RuntimeId byImage = imagePath.isEmpty() ? null : fromPath(imagePath, EvidenceKind.IMAGE_PATH, imagePath);
        RuntimeId byCommand = program.isEmpty() ? null : fromPath(program, EvidenceKind.COMMAND_LINE, commandLine);
        RuntimeId weaker = firstOf(byResource, byImage, byCommand, fromName(name));
        RuntimeId found = firstOf(byModule, weaker);
        if (found == null) {
            return RuntimeId.UNKNOWN;
        }
        if (found.runtime() == RuntimeKind.DOTNET && weaker != null && DOTNET_HOSTS.contains(weaker.runtime())) {
            found = new RuntimeId(weaker.runtime(), weaker.version(), found.evidence(), found.text() + RuntimeId.HOSTED
                    + (imagePath.isEmpty() ? name : imagePath));
        }
        if (found.runtime() == RuntimeKind.MSBUILD && commandLine.toLowerCase(Locale.ROOT).contains("nodemode:")) {
            String text = found.evidence() == EvidenceKind.COMMAND_LINE ? found.text()
                    : found.text() + "; command line " + commandLine;
            return new RuntimeId(RuntimeKind.MSBUILD_NODE, found.version(), found.evidence(), text);
        }
        return found;
    }

    /** @return the program a command line starts: its first word, or its first quoted string */
    static String program(String commandLine) {
        String s = commandLine.strip();
        if (s.startsWith("\"")) {
            int end = s.indexOf('"', 1);
            return end < 0 ? s.substring(1) : s.substring(1, end);
        }
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    /** @return {@code 2.7} of {@code 2.7.18} or {@code 2.7.18150.1013}; the text itself when it has no such form */
    static String majorMinor(String version) {
        Matcher m = LEADING_NUMBERS.matcher(version.strip());
        if (!m.find()) {
            return version.strip();
        }
        return m.group(2) == null ? m.group(1) : m.group(1) + "." + m.group(2);
    }

    /**
     * @return {@code 4.18.1909.6} of Windows' {@code 4.18.1909.6 (WinBuild.160101.0800)}: the
     *         dotted numbers a version resource starts with; the text itself when it has none
     */
    static String numeric(String version) {
        Matcher m = DOTTED_NUMBERS.matcher(version.strip());
        return m.find() ? m.group() : version.strip();
    }

    private static RuntimeId firstOf(RuntimeId... candidates) {
        for (RuntimeId r : candidates) {
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /** @return the part of a path after its last backslash or slash */
    static String fileName(String path) {
        return path.substring(Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/')) + 1);
    }

    /**
     * The version resource of a process's image, as the log's Description, Company and Version
     * columns give it. Strings are never null (empty when unknown).
     */
    public record VersionResource(String description, String company, String version) {

        /** An image of which the log gives no version resource. */
        public static final VersionResource NONE = new VersionResource("", "", "");

        public VersionResource {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(company, "company");
            Objects.requireNonNull(version, "version");
        }

        /** @return whether the log gives none of it */
        public boolean empty() {
            return description.isEmpty() && company.isEmpty() && version.isEmpty();
        }
    }
}
