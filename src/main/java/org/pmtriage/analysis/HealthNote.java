package org.pmtriage.analysis;

import java.util.Objects;

/**
 * Something the capture lacks that a kind of verdict needs, found in the data itself.
 *
 * @param id   a stable name for scripts: {@code no-close-events}, {@code no-process-events},
 *             {@code filtered}, {@code no-tids}
 * @param text one sentence for people: what is missing and which findings it affects
 */
public record HealthNote(String id, String text) {

    public HealthNote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }
}
