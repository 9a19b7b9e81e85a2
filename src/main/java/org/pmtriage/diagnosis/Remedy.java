package org.pmtriage.diagnosis;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the remedies file: for a runtime (within a version range) and the shapes of
 * finding it explains, the cause and the fix in a short paragraph, and where that is documented.
 *
 * @param id       a stable name, e.g. {@code cpython-2}
 * @param runtimes the runtimes it applies to ({@code any} for every runtime)
 * @param versions the versions it applies to, {@link VersionRange#ANY} when all
 * @param shapes   the shapes of finding it explains
 * @param title    a few words: whom it concerns, e.g. {@code CPython 2.x and 3.0-3.3}
 * @param text     the cause and the fix
 * @param sources  the references: PEPs, issues, documentation (never empty)
 */
public record Remedy(String id, List<String> runtimes, VersionRange versions, List<FindingShape> shapes,
                     String title, String text, List<String> sources) {

    /** The runtime name an entry uses to apply to every runtime. */
    public static final String ANY_RUNTIME = "any";

    public Remedy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(versions, "versions");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        runtimes = List.copyOf(runtimes);
        shapes = List.copyOf(shapes);
        sources = List.copyOf(sources);
    }

    /** @return whether it applies to that runtime, whatever the version */
    public boolean appliesTo(RuntimeKind runtime) {
        return runtimes.contains(ANY_RUNTIME) || runtimes.contains(runtime.id());
    }

    /** @return the sources as one line, separated by semicolons */
    public String sourcesText() {
        return String.join("; ", sources);
    }

    /**
     * Versions from {@code from} to {@code to}, both included, each {@code major.minor} (empty for
     * no bound).
     */
    public record VersionRange(String from, String to) {

        /** Every version. */
        public static final VersionRange ANY = new VersionRange("", "");

        public VersionRange {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        /** @return whether it bounds the version at all */
        public boolean bounded() {
            return !from.isEmpty() || !to.isEmpty();
        }

        /** @return whether {@code version} ({@code 2.7}, {@code 3.10}, {@code 1.16.3}) lies in it */
        public boolean contains(String version) {
            return (from.isEmpty() || compare(version, from) >= 0) && (to.isEmpty() || compare(version, to) <= 0);
        }

        /** @return e.g. {@code 2.0-3.3}, {@code up to 1.16}, {@code any version} */
        public String text() {
            if (!bounded()) {
                return "any version";
            }
            return from.isEmpty() ? "up to " + to : to.isEmpty() ? from + " or later" : from + "-" + to;
        }

        /** Compares the leading numbers of two versions, part by part, as far as the shorter goes. */
        static int compare(String a, String b) {
            String[] x = a.split("\\.");
            String[] y = b.split("\\.");
            for (int i = 0; i < Math.min(x.length, y.length); i++) {
                int c = Long.compare(number(x[i]), number(y[i]));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }

        private static long number(String part) {
            int end = 0;
            while (end < part.length() && end < 18 && Character.isDigit(part.charAt(end))) {
                end++;
            }
            return end == 0 ? 0 : Long.parseLong(part.substring(0, end));
        }
    }
}
