package org.pmtriage.diagnosis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

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

    // read with the streaming parser: building an ObjectMapper first costs more than the whole
    // analysis after the last event when the report itself is not JSON
    private static Remedies load() {
        try (InputStream in = Remedies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            try (JsonParser p = new JsonFactory().createParser(in)) {
                return parse(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** @return the remedies a document of the data file's form gives: the entries of its {@code remedies} array */
    private static Remedies parse(JsonParser p) throws IOException {
        List<Remedy> out = new ArrayList<>();
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IllegalStateException(RESOURCE + ": not a JSON object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            if (p.nextToken() == JsonToken.START_ARRAY && field.equals("remedies")) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    out.add(entry(p, out.size() + 1));
                }
            } else {
                p.skipChildren();
            }
        }
        return new Remedies(out);
    }

    /** @return the entry whose object the parser has just entered, the {@code number}th of the file */
    private static Remedy entry(JsonParser p, int number) throws IOException {
        String id = "";
        String title = "";
        String text = "";
        Remedy.VersionRange versions = Remedy.VersionRange.ANY;
        List<String> runtimes = List.of();
        List<String> shapes = List.of();
        List<String> sources = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> id = p.getValueAsString("");
                case "title" -> title = p.getValueAsString("");
                case "text" -> text = p.getValueAsString("");
                case "runtimes" -> runtimes = strings(p);
                case "shapes" -> shapes = strings(p);
                case "sources" -> sources = strings(p);
                case "versions" -> versions = range(p);
                default -> p.skipChildren();
            }
        }
        runtimes.stream().filter(r -> !r.equals(Remedy.ANY_RUNTIME)).forEach(RuntimeKind::byId);
        List<FindingShape> shapeList = shapes.stream().map(FindingShape::byId).toList();
        if (id.isEmpty() || runtimes.isEmpty() || shapes.isEmpty() || sources.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": entry " + number + " lacks an id, runtimes, shapes or sources");
        }
        return new Remedy(id, runtimes, versions, shapeList, title, text, sources);
    }

    /** @return the range of the {@code versions} object the parser is at; any version when it is at something else */
    private static Remedy.VersionRange range(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return Remedy.VersionRange.ANY;
        }
        String from = "";
        String to = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String bound = p.currentName();
            p.nextToken();
            switch (bound) {
                case "from" -> from = p.getValueAsString("");
                case "to" -> to = p.getValueAsString("");
                default -> p.skipChildren();
            }
        }
        return new Remedy.VersionRange(from, to);
    }

    /** @return the texts of the array the parser is at; empty when it is at something else */
    private static List<String> strings(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(p.getValueAsString(""));
            p.skipChildren();
        }
        return out;
    }
}
