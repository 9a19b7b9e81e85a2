package org.pmtriage.read.xml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;

import org.pmtriage.read.Decoding;

/**
 * Reads the events of one piece of eventlist straight from its bytes, when they are in the plain
 * form ProcMon writes: elements without attributes, named with ASCII letters, digits, {@code _},
 * {@code .} and {@code -}; text in valid UTF-8 with no control character but tab, newline and
 * carriage return, and no reference but the five predefined entities and character references
 * ({@code &#13;}, as ProcMon writes the line breaks of a Process Start's environment);
 * whitespace between elements. Anything else (comments, CDATA sections, processing
 * instructions, attributes, text between elements, a malformed event...) makes {@link #events} give up,
 * and the piece goes to Aalto, which then accepts or refuses it as it does every document. So this
 * path only ever reads what Aalto would read the same way; it is about four times faster because
 * it does not tokenize generally, decode UTF-8 into chars, or look up names in a symbol table.
 */
final class PlainEventCursor implements ElementCursor {

    /** The piece is not in the plain form; no stack trace, it only sends the piece to Aalto. */
    private static final class NotPlain extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotPlain() {
            super(null, null, false, false);
        }
    }

    private static final NotPlain NOT_PLAIN = new NotPlain();
    private static final long LT = ByteWords.repeated('<');
    private static final long AMP = ByteWords.repeated('&');
    private static final long GT = ByteWords.repeated('>');

    /** Text bytes by what they need: 0 nothing (printable ASCII, tab, newline), else {@link #scanText} looks. */
    private static final byte[] TEXT_CLASS = new byte[256];
    private static final boolean[] NAME_CHAR = new boolean[256];

    static {
        for (int c = 0; c < 0x20; c++) {
            TEXT_CLASS[c] = 1;
        }
        TEXT_CLASS['\t'] = 0;
        TEXT_CLASS['\n'] = 0;
        for (int c = 0x80; c < 0x100; c++) {
            TEXT_CLASS[c] = 1;
        }
        TEXT_CLASS['<'] = 1;
        TEXT_CLASS['&'] = 1;
        TEXT_CLASS['>'] = 1;
        for (int c = 0; c < 0x80; c++) {
            NAME_CHAR[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= '0' && c <= '9'
                    || c == '.' || c == '-';
        }
    }
    private static final int MAX_DEPTH = 16;
    private static final int NAME_SLOTS = 256;

    private final byte[] b;
    private final int end;
    private int pos;
    private final String[] open = new String[MAX_DEPTH];
    private final byte[][] openBytes = new byte[MAX_DEPTH][];
    private int depth;
    private String name;
    private boolean emptyElement;
    private final String[] names = new String[NAME_SLOTS];
    private final byte[][] nameBytes = new byte[NAME_SLOTS][];
    private byte[] nameRead;

    private int textStart;
    private int textEnd;
    private boolean textAscii;
    private boolean textEntities;
    private boolean textCr;
    private char[] chars = new char[256];
    private int length;

    private PlainEventCursor(byte[] bytes, int length) {
        this.b = bytes;
        this.end = length;
    }

    /**
     * @param bytes    a piece of eventlist: whole elements, cut between them
     * @param length   how many bytes of {@code bytes} the piece has
     * @param decoding which texts to build
     * @return the piece's events in order, or null when the piece is not all in the plain form, or
     *         an event in it is malformed (Aalto then reads it, and locates the problem)
     */
    static List<ParsedEvent> events(byte[] bytes, int length, Decoding decoding) {
        PlainEventCursor cursor = new PlainEventCursor(bytes, length);
        EventElementParser parser = new EventElementParser(cursor, decoding);
        List<ParsedEvent> events = new ArrayList<>();
        try {
            while (cursor.skipWhitespace()) {
                if (cursor.next() != XMLStreamConstants.START_ELEMENT || !cursor.name.equals("event")) {
                    return null;
                }
                ParsedEvent event = parser.parse();
                if (event.problem() != null) {
                    return null;
                }
                events.add(event);
            }
            return events;
        } catch (NotPlain | ArrayIndexOutOfBoundsException e) {
            // every read is checked against the piece's end; this net sends a missed case to Aalto
            return null;
        }
    }

    /** @return true when an element follows, false at the piece's end */
    private boolean skipWhitespace() {
        while (pos < end && isWhitespace(b[pos])) {
            pos++;
        }
        return pos < end;
    }

    private static boolean isWhitespace(byte c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }

    @Override
    public int next() {
        if (emptyElement) {
            emptyElement = false;
            depth--;
            return XMLStreamConstants.END_ELEMENT;
        }
        while (pos < end && isWhitespace(b[pos])) {
            pos++;
        }
        if (pos + 1 >= end || b[pos] != '<') {
            throw NOT_PLAIN; // text between elements: Aalto's path ignores it, or refuses it
        }
        if (b[pos + 1] == '/') {
            if (depth == 0) {
                throw NOT_PLAIN;
            }
            byte[] closing = openBytes[depth - 1];
            int after = pos + 2 + closing.length;
            if (after >= end || b[after] != '>' || !Arrays.equals(b, pos + 2, after, closing, 0, closing.length)) {
                throw NOT_PLAIN;
            }
            pos = after + 1;
            depth--;
            name = open[depth];
            return XMLStreamConstants.END_ELEMENT;
        }
        pos++;
        name = readName();
        if (b[pos] == '>') {
            pos++;
        } else if (b[pos] == '/' && pos + 1 < end && b[pos + 1] == '>') {
            pos += 2;
            emptyElement = true;
        } else {
            throw NOT_PLAIN;
        }
        if (depth == MAX_DEPTH) {
            throw NOT_PLAIN;
        }
        openBytes[depth] = nameRead;
        open[depth++] = name;
        return XMLStreamConstants.START_ELEMENT;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String readText() {
        length = -1;
        textStart = pos;
        textEnd = pos;
        textAscii = true;
        textEntities = false;
        textCr = false;
        if (emptyElement) {
            next();
            return null;
        }
        scanText();
        int element = depth;
        if (next() != XMLStreamConstants.END_ELEMENT || depth != element - 1) {
            throw NOT_PLAIN; // a child element: Aalto's path reports it
        }
        return null;
    }

    @Override
    public String skipText() {
        readText();
        length = 0;
        textEnd = textStart;
        return null;
    }

    @Override
    public char[] text() {
        decode();
        return chars;
    }

    @Override
    public int length() {
        decode();
        return length;
    }

    @Override
    public String string() {
        if (textAscii && !textEntities && !textCr) {
            return new String(b, textStart, textEnd - textStart, StandardCharsets.ISO_8859_1);
        }
        decode();
        return new String(chars, 0, length);
    }

    @Override
    public void skipElement() {
        int target = depth - 1;
        while (depth > target) {
            if (!emptyElement && pos < end && b[pos] != '<') {
                scanText();
            }
            next();
        }
    }

    /** Problems send the piece to Aalto, which locates them; no position is kept here. */
    @Override
    public Location location() {
        return null;
    }

    @Override
    public String format(Location location) {
        return "";
    }

    private String readName() {
        int from = pos;
        if (pos >= end || !isNameStart(b[pos])) {
            throw NOT_PLAIN;
        }
        int hash = 0;
        while (pos < end && NAME_CHAR[b[pos] & 0xff]) {
            hash = 31 * hash + b[pos];
            pos++;
        }
        if (pos >= end) {
            throw NOT_PLAIN;
        }
        int slot = (hash ^ hash >>> 8) & (NAME_SLOTS - 1);
        byte[] known = nameBytes[slot];
        if (known == null || !Arrays.equals(b, from, pos, known, 0, known.length)) {
            known = Arrays.copyOfRange(b, from, pos);
            nameBytes[slot] = known;
            names[slot] = new String(known, StandardCharsets.US_ASCII);
        }
        nameRead = known;
        return names[slot];
    }

    private static boolean isNameStart(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    /** Steps over text to the next {@code <}, checking it is plain; records its range and kind. */
    private void scanText() {
        textStart = pos;
        textAscii = true;
        textEntities = false;
        textCr = false;
        while (pos < end) {
            if (pos + 8 <= end) {
                long special = special(ByteWords.at(b, pos));
                if (special == 0) {
                    pos += 8;
                    continue;
                }
                pos += Long.numberOfTrailingZeros(special) >>> 3;
            }
            if (TEXT_CLASS[b[pos] & 0xff] == 0) {
                pos++;
                continue;
            }
            int c = b[pos];
            if (c == '<') {
                break;
            }
            if (c < 0) {
                textAscii = false;
                pos = utf8(pos);
                continue;
            }
            if (c < 0x20) {
                if (c == '\r') {
                    textCr = true;
                } else if (c != '\n' && c != '\t') {
                    throw NOT_PLAIN; // a character XML forbids
                }
            } else if (c == '&') {
                textEntities = true;
                pos = entity(pos);
                continue;
            } else if (c == '>' && pos - 2 >= textStart && b[pos - 1] == ']' && b[pos - 2] == ']') {
                throw NOT_PLAIN; // "]]>" is not allowed in text
            }
            pos++;
        }
        textEnd = pos;
        length = -1;
    }

    /**
     * @return a word with the high bit set in (at least) the lowest byte of {@code x} that
     *         {@link #TEXT_CLASS} does not let pass or that is a tab or newline (and maybe in higher
     *         ones), or 0 when all eight are printable ASCII other than {@code <}, {@code &} and {@code >}
     */
    private static long special(long x) {
        long control = (x - ByteWords.repeated(' ')) & ~x & 0x8080808080808080L;
        return control | x & 0x8080808080808080L | ByteWords.zeroBytes(x ^ LT) | ByteWords.zeroBytes(x ^ AMP)
                | ByteWords.zeroBytes(x ^ GT);
    }

    /** @return the index after the valid UTF-8 sequence at {@code i} of a character XML allows */
    private int utf8(int i) {
        int lead = b[i] & 0xff;
        int count;
        int codePoint;
        int min;
        if (lead >= 0xC2 && lead <= 0xDF) {
            count = 1;
            codePoint = lead & 0x1F;
            min = 0x80;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            count = 2;
            codePoint = lead & 0x0F;
            min = 0x800;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            count = 3;
            codePoint = lead & 0x07;
            min = 0x10000;
        } else {
            throw NOT_PLAIN;
        }
        if (i + count >= end) {
            throw NOT_PLAIN;
        }
        for (int k = 1; k <= count; k++) {
            int next = b[i + k] & 0xff;
            if ((next & 0xC0) != 0x80) {
                throw NOT_PLAIN;
            }
            codePoint = codePoint << 6 | next & 0x3F;
        }
        if (codePoint < min || codePoint > 0x10FFFF || codePoint >= 0xD800 && codePoint <= 0xDFFF
                || codePoint == 0xFFFE || codePoint == 0xFFFF) {
            throw NOT_PLAIN;
        }
        return i + count + 1;
    }

    /**
     * @return the index after the reference at {@code i}: one of the five predefined entities, or a
     *         character reference to a character XML allows
     */
    private int entity(int i) {
        if (i + 1 < end && b[i + 1] == '#') {
            int at = i + 2;
            int radix = at < end && b[at] == 'x' ? 16 : 10;
            if (radix == 16) {
                at++;
            }
            int from = at;
            long value = 0;
            while (at < end && at - from < 8 && Character.digit(b[at], radix) >= 0) {
                value = value * radix + Character.digit(b[at], radix);
                at++;
            }
            if (at == from || at >= end || b[at] != ';' || !allowed(value)) {
                throw NOT_PLAIN;
            }
            return at + 1;
        }
        for (String known : ENTITIES) {
            if (i + known.length() < end && matches(i + 1, known)) {
                return i + 1 + known.length();
            }
        }
        throw NOT_PLAIN;
    }

    /** @return whether XML 1.0 allows the character, also as a reference */
    private static boolean allowed(long c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }

    private static final String[] ENTITIES = {"amp;", "lt;", "gt;", "quot;", "apos;"};
    private static final char[] REPLACEMENTS = {'&', '<', '>', '"', '\''};

    private boolean matches(int at, String ascii) {
        for (int k = 0; k < ascii.length(); k++) {
            if (b[at + k] != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Decodes the current text into {@link #chars} once. */
    private void decode() {
        if (length >= 0) {
            return;
        }
        int n = textEnd - textStart;
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        if (textAscii && !textEntities && !textCr) {
            for (int i = 0; i < n; i++) {
                chars[i] = (char) b[textStart + i];
            }
            length = n;
            return;
        }
        // rare: entities, line ends or non-ASCII text (checked by scanText, so well-formed here)
        String text = new String(b, textStart, n, textAscii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '&') {
                int semicolon = text.indexOf(';', i);
                out.append(reference(text.substring(i + 1, semicolon)));
                i = semicolon;
            } else if (c == '\r') {
                // XML reads CRLF and a lone CR as LF (a CR written as a reference stays)
                out.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                out.append(c);
            }
        }
        length = out.length();
        if (chars.length < length) {
            chars = new char[length];
        }
        out.getChars(0, length, chars, 0);
    }

    /** @return the text of a reference that {@link #entity} accepted, without its {@code &} and {@code ;} */
    private static String reference(String name) {
        if (name.startsWith("#x")) {
            return Character.toString(Integer.parseInt(name.substring(2), 16));
        }
        if (name.startsWith("#")) {
            return Character.toString(Integer.parseInt(name.substring(1)));
        }
        for (int k = 0; k < ENTITIES.length; k++) {
            if (ENTITIES[k].equals(name + ";")) {
                return String.valueOf(REPLACEMENTS[k]);
            }
        }
        throw NOT_PLAIN;
    }
}
