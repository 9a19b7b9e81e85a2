package org.pmtriage.diagnosis;

/** What a process runs, as far as the leak and its remedy are concerned. */
public enum RuntimeKind {
    /** CPython, the interpreter SCons and most build scripts run on. */
    CPYTHON("cpython", "CPython"),
    /** .NET (Framework or Core) hosting managed code. */
    DOTNET("dotnet", ".NET"),
    /** Windows PowerShell or PowerShell, a .NET host. */
    POWERSHELL("powershell", "PowerShell"),
    /** Node.js, which spawns through libuv. */
    NODE("node", "Node.js/libuv"),
    /** A Go program or the go tool. */
    GO("go", "Go"),
    /** A Java virtual machine. */
    JAVA("java", "Java"),
    /** Git for Windows. */
    GIT("git-for-windows", "Git for Windows"),
    /** Ninja. */
    NINJA("ninja", "Ninja"),
    /** MSBuild's main process. */
    MSBUILD("msbuild", "MSBuild"),
    /** An MSBuild worker node ({@code /nodemode}), which node reuse keeps alive after the build. */
    MSBUILD_NODE("msbuild-node", "MSBuild worker node"),
    /** The MSVC PDB server started by {@code cl /Zi} and {@code link}, which outlives the step. */
    MSPDBSRV("mspdbsrv", "MSVC PDB server"),
    /** The Roslyn compiler server, which outlives the step. */
    VBCSCOMPILER("vbcscompiler", "Roslyn compiler server"),
    /** An antivirus scanner: it opens new files to scan them. */
    ANTIVIRUS("antivirus", "antivirus scanner"),
    /** A search indexer: it opens new files to index them. */
    INDEXER("indexer", "search indexer"),
    /** The log does not tell. */
    UNKNOWN("unknown", "unknown");

    private final String id;
    private final String label;

    RuntimeKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** @return the name used in JSON and in the remedies file, e.g. {@code cpython} */
    public String id() {
        return id;
    }

    /** @return the name shown to people, e.g. {@code CPython} */
    public String label() {
        return label;
    }

    /** @return whether it holds files it did not inherit (scanners, indexers): a look-alike of a leak */
    public boolean scanner() {
        return this == ANTIVIRUS || this == INDEXER;
    }

    /** @return whether it is a build server that outlives the step that started it */
    public boolean server() {
        return this == MSPDBSRV || this == VBCSCOMPILER || this == MSBUILD_NODE;
    }

    /**
     * @param id a name as {@link #id()} gives it
     * @return the kind of that name
     * @throws IllegalArgumentException for an unknown name
     */
    public static RuntimeKind byId(String id) {
        for (RuntimeKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown runtime: " + id);
    }
}
