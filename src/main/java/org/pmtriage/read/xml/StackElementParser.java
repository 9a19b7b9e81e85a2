package org.pmtriage.read.xml;

import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;

import org.pmtriage.event.Stack;
import org.pmtriage.event.StackFrame;
import org.pmtriage.read.internal.RealCaptures;

/**
 * Parses an event's {@code <stack>} ({@code <frame><depth/><address/><path/><location/></frame>},
 * innermost first) into a {@link Stack}, module path and location text as the log wrote them.
 * A stack of more than {@link RealCaptures#MAX_STACK_FRAMES} frames, a frame whose address is not
 * a hexadecimal number or whose texts are longer than {@link #MAX_FRAME_CHARS} makes the event malformed: no
 * real capture records one. A stack thus takes at most about 8 MiB, and the read-ahead counts it.
 */
final class StackElementParser {

    /** Longest module path or location of a frame: paths end at 32,767 characters, but a frame's
     * module is a loaded image's (260 in practice) and symbol names end at 2,000 (MAX_SYM_NAME). */
    static final int MAX_FRAME_CHARS = 4096;

    private final XmlCursor cursor;
    private final NameCache names;
    private String problem;

    /** @param names shares the module paths and locations that repeat from stack to stack */
    StackElementParser(XmlCursor cursor, NameCache names) {
        this.cursor = cursor;
        this.names = names;
    }

    /**
     * Reads the stack whose start tag the cursor is on, through its end tag.
     *
     * @param keep whether to build the stack, or only pass over it
     * @return the stack ({@link Stack#NONE} when not kept or malformed; then {@link #problem()} says why)
     */
    Stack read(boolean keep) {
        problem = null;
        if (!keep) {
            cursor.skipElement();
            return Stack.NONE;
        }
        List<StackFrame> frames = new ArrayList<>();
        int event;
        while ((event = cursor.next()) != XMLStreamConstants.END_ELEMENT) {
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (!cursor.name().equals("frame") || problem != null) {
                cursor.skipElement();
            } else if (frames.size() == RealCaptures.MAX_STACK_FRAMES) {
                problem = "<stack> has more than " + RealCaptures.MAX_STACK_FRAMES + " frames";
                cursor.skipElement();
            } else {
                frames.add(frame(frames.size()));
            }
        }
        return problem != null || frames.isEmpty() ? Stack.NONE : new Stack(frames);
    }

    /** @return why the last stack read is malformed, or null */
    String problem() {
        return problem;
    }

    private StackFrame frame(int number) {
        long address = 0;
        String module = "";
        String location = "";
        int event;
        while ((event = cursor.next()) != XMLStreamConstants.END_ELEMENT) {
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (cursor.name()) {
                case "address" -> {
                    cursor.readText();
                    address = hex(cursor.text(), cursor.length());
                    if (address == -1 && problem == null) {
                        problem = "stack frame " + number + " has address \"" + EventElementParser.clip(cursor.string())
                                + "\", not a hexadecimal number";
                    }
                }
                case "path" -> module = text(number, "path");
                case "location" -> location = text(number, "location");
                default -> cursor.skipElement();
            }
        }
        return new StackFrame(address, module, location);
    }

    private String text(int number, String what) {
        cursor.readText();
        if (cursor.length() > MAX_FRAME_CHARS) {
            if (problem == null) {
                problem = "stack frame " + number + " has a " + what + " of " + cursor.length() + " characters, more than the "
                        + MAX_FRAME_CHARS + " a frame's can have";
            }
            return "";
        }
        return names.get(cursor.text(), cursor.length());
    }

    /** @return {@code 0x...} (up to 16 digits) as an unsigned number, or -1 when the text is not one */
    static long hex(char[] chars, int length) {
        if (length < 3 || length > 18 || chars[0] != '0' || (chars[1] != 'x' && chars[1] != 'X')) {
            return -1;
        }
        long v = 0;
        for (int i = 2; i < length; i++) {
            int d = Character.digit(chars[i], 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }
}
