package org.pmtriage.analysis;

import org.pmtriage.event.CreateFileDetail;

/**
 * The Details of successful CreateFiles, one shared instance per text met lately: a build opens
 * its files with a handful of distinct Details, and each object kept for a finding would otherwise
 * hold its own copy of the text and of its parsed parts. Direct-mapped: a text that is not
 * remembered gets an instance of its own.
 */
final class OpenDetails {

    /** Texts remembered; a power of two. */
    private static final int SLOTS = 256;

    /** One Detail text and, once asked for, its parsed form. */
    static final class Text {
        final String text;
        private CreateFileDetail parsed;

        Text(String text) {
            this.text = text;
        }

        CreateFileDetail parsed() {
            if (parsed == null) {
                parsed = CreateFileDetail.parse(text);
            }
            return parsed;
        }
    }

    private final Text[] slots = new Text[SLOTS];

    /** @return the shared instance of {@code detail} */
    Text of(String detail) {
        int slot = sampledHash(detail) & (SLOTS - 1);
        Text seen = slots[slot];
        if (seen != null && seen.text.equals(detail)) {
            return seen;
        }
        Text text = new Text(detail);
        slots[slot] = text;
        return text;
    }

    /**
     * A hash of the length and of characters at growing distances from both ends: a Detail is long,
     * and its own hash would read all of it.
     */
    private static int sampledHash(String s) {
        int n = s.length();
        int h = n;
        for (int i = 1; i <= n; i <<= 1) {
            h = 31 * (31 * h + s.charAt(i - 1)) + s.charAt(n - i);
        }
        return h ^ (h >>> 16);
    }
}
