package org.pmtriage.diagnosis;

/** Where a runtime was read from, best first: what decided it and how far it can be trusted. */
public enum EvidenceKind {
    /** A module the process loaded ({@code python27.dll}, {@code coreclr.dll}...): what runs, whatever the EXE is called. */
    MODULE("module", Strength.STRONG),
    /** The image's version resource (the Version, Company and Description columns). */
    VERSION_RESOURCE("version-resource", Strength.STRONG),
    /** The image's install path ({@code C:\Python27\python.exe}): weaker, a folder name says it. */
    IMAGE_PATH("image-path", Strength.WEAK),
    /** The command line (its program, or a switch such as {@code /nodemode:1}): weaker. */
    COMMAND_LINE("command-line", Strength.WEAK),
    /** The process name alone: the weakest, any program may be called {@code python.exe}. */
    IMAGE_NAME("name", Strength.NAME_ONLY),
    /** Nothing in the log tells. */
    NONE("none", Strength.NONE);

    private final String id;
    private final Strength strength;

    EvidenceKind(String id, Strength strength) {
        this.id = id;
        this.strength = strength;
    }

    /** @return the name used in JSON, e.g. {@code module} */
    public String id() {
        return id;
    }

    /** @return how far evidence of this kind can be trusted */
    public Strength strength() {
        return strength;
    }

    /** How far a runtime's evidence can be trusted, strongest first. */
    public enum Strength {
        /** A module or the version resource: what the process runs. */
        STRONG("strong"),
        /** A path or command line: usually right, but a copy or a launcher can mislead. */
        WEAK("weaker"),
        /** The name only. */
        NAME_ONLY("name only"),
        /** No evidence. */
        NONE("none");

        private final String label;

        Strength(String label) {
            this.label = label;
        }

        /** @return the name used in reports, e.g. {@code weaker} */
        public String label() {
            return label;
        }
    }
}
