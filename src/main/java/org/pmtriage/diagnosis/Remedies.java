package org.pmtriage.diagnosis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The remedies file, {@code remedies.json} beside this class: what to do for each runtime and shape
 * of finding, with its sources. The one place this knowledge lives; {@code docs/diagnosis.md}
 * shows it as a table.
 */
public final class Remedies {

    /** The data file, a resource beside this class. */
    public static final String RESOURCE = "remedies.json";

    private static final Remedies BUNDLED = load();

    private final List<Remedy> entries;

    private Remedies(List<Remedy> entries) {
        this.entries = List.copyOf(entries);
    }

    /** @return the remedies of the bundled data file */
    public static Remedies bundled() {
        return BUNDLED;
    }

    /** @return its entries, in the file's order */
    public List<Remedy> entries() {
        return entries;
    }

    /**
     * The first entry, in the file's order, for the runtime and shape whose version range holds the
     * runtime's version; when the log gives no version, the first entry bounded by versions applies
     * conditionally, unless one without bounds applies outright.
     *
     * @param runtime what the process runs
     * @param shape   the finding's shape
     * @return the remedy, or empty when the file has none for them
     */
    public Optional<RemedyChoice> choose(RuntimeId runtime, FindingShape shape) {
        RemedyChoice conditional = null;
        for (Remedy r : entries) {
            if (!r.shapes().contains(shape) || !r.appliesTo(runtime.runtime())) {
                continue;
            }
            if (!r.versions().bounded()) {
                return Optional.of(new RemedyChoice(r, runtime, shape, false));
            }
            if (runtime.version().isEmpty()) {
                if (conditional == null) {
                    conditional = new RemedyChoice(r, runtime, shape, true);
                }
            } else if (r.versions().contains(runtime.version())) {
                return Optional.of(new RemedyChoice(r, runtime, shape, false));
            }
        }
        return Optional.ofNullable(conditional);
    }

    private static Remedies load() {
        try (InputStream in = Remedies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** @return the remedies a document of the data file's form gives */
    static Remedies parse(JsonNode root) {
        List<Remedy> out = new ArrayList<>();
        for (JsonNode n : root.path("remedies")) {
            List<String> runtimes = new ArrayList<>();
            n.path("runtimes").forEach(r -> runtimes.add(r.asText()));
            runtimes.stream().filter(r -> !r.equals(Remedy.ANY_RUNTIME)).forEach(RuntimeKind::byId);
            List<FindingShape> shapes = new ArrayList<>();
            n.path("shapes").forEach(s -> shapes.add(FindingShape.byId(s.asText())));
            List<String> sources = new ArrayList<>();
            n.path("sources").forEach(s -> sources.add(s.asText()));
            String id = n.path("id").asText();
            if (id.isEmpty() || runtimes.isEmpty() || shapes.isEmpty() || sources.isEmpty()) {
                throw new IllegalStateException(RESOURCE + ": entry " + (out.size() + 1)
                        + " lacks an id, runtimes, shapes or sources");
            }
            JsonNode versions = n.path("versions");
            out.add(new Remedy(id, runtimes, new Remedy.VersionRange(versions.path("from").asText(""),
                    versions.path("to").asText("")), shapes, n.path("title").asText(), n.path("text").asText(), sources));
        }
        return new Remedies(out);
    }
}
