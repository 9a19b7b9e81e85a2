package org.pmtriage.diagnosis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
                return parse(value(p, p.nextToken()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** @return the remedies a document of the data file's form gives */
    private static Remedies parse(Object document) {
        List<Remedy> out = new ArrayList<>();
        for (Object o : list(document, "remedies")) {
            List<String> runtimes = texts(o, "runtimes");
            runtimes.stream().filter(r -> !r.equals(Remedy.ANY_RUNTIME)).forEach(RuntimeKind::byId);
            List<FindingShape> shapes = texts(o, "shapes").stream().map(FindingShape::byId).toList();
            List<String> sources = texts(o, "sources");
            String id = text(o, "id");
            if (id.isEmpty() || runtimes.isEmpty() || shapes.isEmpty() || sources.isEmpty()) {
                throw new IllegalStateException(RESOURCE + ": entry " + (out.size() + 1)
                        + " lacks an id, runtimes, shapes or sources");
            }
            Object versions = field(o, "versions");
            out.add(new Remedy(id, runtimes, new Remedy.VersionRange(text(versions, "from"), text(versions, "to")),
                    shapes, text(o, "title"), text(o, "text"), sources));
        }
        return new Remedies(out);
    }

    /**
     * @return the JSON value that starts with {@code token}: a map by field name for an object, a
     *         list for an array, else its text
     */
    private static Object value(JsonParser p, JsonToken token) throws IOException {
        if (token == JsonToken.START_OBJECT) {
            Map<String, Object> fields = new HashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                fields.put(name, value(p, p.nextToken()));
            }
            return fields;
        } else if (token == JsonToken.START_ARRAY) {
            List<Object> items = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                items.add(value(p, t));
            }
            return items;
        }
        return p.getValueAsString("");
    }

    private static Object field(Object object, String name) {
        return object instanceof Map<?, ?> m ? m.get(name) : null;
    }

    private static String text(Object object, String name) {
        return field(object, name) instanceof String s ? s : "";
    }

    private static List<?> list(Object object, String name) {
        return field(object, name) instanceof List<?> l ? l : List.of();
    }

    private static List<String> texts(Object object, String name) {
        List<String> out = new ArrayList<>();
        for (Object item : list(object, name)) {
            out.add(item instanceof String s ? s : "");
        }
        return out;
    }
}
