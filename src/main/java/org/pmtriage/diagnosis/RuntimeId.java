package org.pmtriage.diagnosis;

import java.util.Objects;

/**
 * What a process runs and the evidence that decided it.
 *
 * @param runtime  the runtime, {@link RuntimeKind#UNKNOWN} when the log does not tell
 * @param version  its version as far as known ({@code 2.7}, {@code 3.10}), else empty
 * @param evidence where it was read from
 * @param text     the evidence itself: the module's path, the version resource, the image path...
 */
public record RuntimeId(RuntimeKind runtime, String version, EvidenceKind evidence, String text) {

    /** A process of which the log tells nothing that names a runtime. */
    public static final RuntimeId UNKNOWN = new RuntimeId(RuntimeKind.UNKNOWN, "", EvidenceKind.NONE, "");

    /** Joins a .NET module to the image of the .NET host it confirms ({@code clr.dll in powershell.exe}). */
    static final String HOSTED = " in ";
    private static final String WEAKER = " (weaker evidence: no module or version resource of it in the log)";

    public RuntimeId {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(text, "text");
    }

    /** @return how far the evidence can be trusted */
    public EvidenceKind.Strength strength() {
        return evidence.strength();
    }

    /** @return whether a runtime was identified */
    public boolean known() {
        return runtime != RuntimeKind.UNKNOWN;
    }

    /** @return e.g. {@code CPython 2.7}, {@code MSVC PDB server}, {@code unknown} */
    public String label() {
        return version.isEmpty() ? runtime.label() : runtime.label() + " " + version;
    }

    /**
     * @return the evidence in words, e.g. {@code module C:\Python27\python27.dll} or
     *         {@code image path C:\Python27\python.exe (weaker evidence: ...)}
     */
    public String because() {
        return switch (evidence) {
            case MODULE -> "module " + text;
            case VERSION_RESOURCE -> "version resource (" + text + ")";
            case IMAGE_PATH -> "image path " + text + WEAKER;
            case COMMAND_LINE -> "command line " + text + WEAKER;
            case IMAGE_NAME -> "its name only (the log has no image path, version or module of it)";
            case NONE -> "nothing in the log";
        };
    }

    /** @return the evidence in a few words, e.g. {@code module python27.dll}, {@code image path (weaker)}, {@code name only} */
    public String briefly() {
        return switch (evidence) {
            case MODULE -> "module "
                    + RuntimeIdentifier.fileName(text.contains(HOSTED) ? text.substring(0, text.indexOf(HOSTED)) : text);
            case VERSION_RESOURCE -> "version resource";
            case IMAGE_PATH -> "image path (weaker)";
            case COMMAND_LINE -> "command line (weaker)";
            case IMAGE_NAME -> "name only";
            case NONE -> "nothing";
        };
    }
}
