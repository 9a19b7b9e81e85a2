package org.pmtriage.event;

/** Text from a log made safe for a one-line message: control characters become {@code ?}. */
public final class Printable {

    private Printable() {
    }

    /**
     * @param text any text, e.g. a path from a hostile log
     * @return the text with every control character replaced by {@code ?}; the same instance when it has none
     */
    public static String of(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                StringBuilder out = new StringBuilder(text.length());
                text.chars().forEach(c -> out.append(Character.isISOControl(c) ? '?' : (char) c));
                return out.toString();
            }
        }
        return text;
    }
}
