package org.pmtriage.incident;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.InheritedHandle;
import org.pmtriage.analysis.OpenAtEnd;
import org.pmtriage.analysis.SharingViolation;
import org.pmtriage.analysis.SpawnRace;

/**
 * What incidents that share a cause have in common. It holds no workspace: the path shape is
 * relative to the capture's {@link BuildRoot}, so the same key from two logs means the same cause.
 * Names and shapes are lower case.
 *
 * @param kind      the kind of the incident's leading finding, e.g. {@code inherited-handle}
 * @param grade     its grade or verdict, e.g. {@code leaked}, {@code confirmed}, {@code explained}
 * @param opener    the image name of the process that opened the file object, empty when unknown
 * @param carriers  the image names of the processes the object was carried into, in spawn order
 * @param pathShape the path's folder relative to the build root, {@code *} and its extension
 */
public record PatternKey(String kind, String grade, String opener, List<String> carriers, String pathShape) {

    public PatternKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(pathShape, "pathShape");
        String[] lower = new String[carriers.size()];
        for (int i = 0; i < lower.length; i++) {
            lower[i] = carriers.get(i).toLowerCase(Locale.ROOT);
        }
        carriers = List.of(lower);
        kind = kind.toLowerCase(Locale.ROOT);
        grade = grade.toLowerCase(Locale.ROOT);
        opener = opener.toLowerCase(Locale.ROOT);
        pathShape = pathShape.toLowerCase(Locale.ROOT);
    }

    /**
     * The one place that reads how each kind of finding is graded.
     *
     * @return the finding's grade or verdict as reports name it
     */
    public static String gradeOf(Finding f) {
        if (f instanceof InheritedHandle h) {
            return h.verdict().id();
        } else if (f instanceof SpawnRace r) {
            return r.grade().id();
        } else if (f instanceof SharingViolation v) {
            return v.explained() ? "explained" : v.cause().id();
        } else if (f instanceof OpenAtEnd) {
            return "open";
        }
        throw new IllegalArgumentException("unknown finding " + f.kind());
    }

    // written out: a record's generated equals and hashCode run slowly until the JIT compiles them,
    // and every incident of a log is folded into its pattern before it does

    @Override
    public boolean equals(Object o) {
        return o instanceof PatternKey k && kind.equals(k.kind) && grade.equals(k.grade) && opener.equals(k.opener)
                && pathShape.equals(k.pathShape) && carriers.equals(k.carriers);
    }

    @Override
    public int hashCode() {
        return (((kind.hashCode() * 31 + grade.hashCode()) * 31 + opener.hashCode()) * 31 + carriers.hashCode()) * 31
                + pathShape.hashCode();
    }

    /** @return the key as one line, e.g. {@code inherited-handle leaked: python.exe -> cmd.exe, gen\*.cpp} */
    public String title() {
        StringBuilder sb = new StringBuilder(kind).append(' ').append(grade).append(": ")
                .append(opener.isEmpty() ? "?" : opener);
        carriers.forEach(c -> sb.append(" -> ").append(c));
        return sb.append(", ").append(pathShape).toString();
    }
}
