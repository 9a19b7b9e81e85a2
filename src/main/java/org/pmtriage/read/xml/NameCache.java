package org.pmtriage.read.xml;

/**
 * Turns short, often repeated texts (process names, operations, results, image paths) into
 * shared Strings straight from a char buffer, so the common case allocates nothing. A fixed-size
 * table: a colliding newcomer replaces the old entry, which only costs a later allocation.
 */
final class NameCache {

    private static final int SLOTS = 4096;
    private static final int MAX_CHARS = 64;

    private final String[] table = new String[SLOTS];

    /**
     * @param chars  buffer
     * @param length characters used, from index 0
     * @return a String equal to the characters, shared with earlier calls where possible
     */
    String get(char[] chars, int length) {
        if (length > MAX_CHARS) {
            return new String(chars, 0, length);
        }
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + chars[i];
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        String known = table[slot];
        if (known != null && equal(known, chars, length)) {
            return known;
        }
        String created = new String(chars, 0, length);
        table[slot] = created;
        return created;
    }

    private static boolean equal(String s, char[] chars, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != chars[i]) {
                return false;
            }
        }
        return true;
    }
}
