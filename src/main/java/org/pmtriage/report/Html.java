package org.pmtriage.report;

import java.util.Locale;

import org.pmtriage.analysis.ProcessRef;

/** Text helpers of the HTML report: escaping, bounded strings, names, counts. */
final class Html {

    /** Characters of a path or command line shown on the page; hostile logs carry megabytes. */
    static final int MAX_TEXT = 260;

    private Html() {
    }

    /**
     * @param s any text from the log
     * @return the text, cut to {@link #MAX_TEXT} characters, safe in element content and in
     *         quoted attribute values (control characters and lone surrogates become U+FFFD)
     */
    static String esc(String s) {
        return esc(s, MAX_TEXT);
    }

    /**
     * @param s   any text from the log
     * @param max characters kept
     * @return the text, cut to {@code max} characters and escaped as {@link #esc(String)} does
     */
    static String esc(String s, int max) {
        boolean cut = s.length() > max;
        int end = cut ? max : s.length();
        StringBuilder sb = new StringBuilder(end + 16);
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 && c != '\t' || c == 0x7f || Character.isSurrogate(c) || c == 0xfffe || c == 0xffff) {
                        sb.append('\ufffd');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        if (cut) {
            sb.append("… (").append(s.length() - max).append(" more characters)");
        }
        return sb.toString();
    }

    /** Characters of a Detail or command line shown beside an event or process. */
    static final int MAX_DETAIL = 200;
    /** Characters of a process or operation name shown. */
    static final int MAX_NAME = 64;

    /** @return e.g. {@code python.exe (4312)}, escaped */
    static String who(ProcessRef p) {
        return esc(p.name(), MAX_NAME) + " (" + p.pidLabel() + ")";
    }

    /** @return a number with thousands separators, e.g. {@code 1,434} */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
