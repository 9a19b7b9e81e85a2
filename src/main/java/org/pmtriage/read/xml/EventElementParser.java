package org.pmtriage.read.xml;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;

import org.pmtriage.event.Event;
import org.pmtriage.event.ExportColumns;
import org.pmtriage.event.Operation;
import org.pmtriage.event.ProcessColumns;
import org.pmtriage.event.Stack;
import org.pmtriage.read.Decoding;
import org.pmtriage.read.internal.ProcessColumnsCache;
import org.pmtriage.read.internal.TimeOfDay;

/**
 * Parses one {@code <event>} element into a {@link ParsedEvent}. Children are the exported columns
 * named like the CSV header with {@code _} for spaces, in any subset and order, then optionally
 * {@code <stack>} ({@link StackElementParser}, kept as far as the decoding level keeps stacks); the
 * process table's columns (Company, Version, ...) become {@link Event#columns()} as the CSV reader
 * makes them; columns the analysis does not use and unknown elements are skipped without building text.
 * Values are taken verbatim, as the CSV reader takes its fields, so that both exports of one
 * capture give equal events. A problem is located at the end tag of the element at fault (no
 * position is taken while all is well: that would cost an object per element).
 */
final class EventElementParser {

    /** Columns every event must have, as element names, for messages. */
    static final String REQUIRED_NAMES = "Time_of_Day, Process_Name, PID, Operation, Path, Result";

    private static final int TIME = 1;
    private static final int PROCESS_NAME = 2;
    private static final int PID = 4;
    private static final int OPERATION = 8;
    private static final int PATH = 16;
    private static final int RESULT = 32;
    private static final int REQUIRED = TIME | PROCESS_NAME | PID | OPERATION | PATH | RESULT;
    private static final int DETAIL = 64;
    private static final String[] NAMES = {"Time_of_Day", "Process_Name", "PID", "Operation", "Path", "Result"};

    private final XmlCursor cursor;
    private final Decoding decoding;
    private final NameCache names = new NameCache();
    private final StackElementParser stacks;
    private final ProcessColumnsCache processColumns = new ProcessColumnsCache();
    private final CharsView text = new CharsView();
    private int present;
    private String problem;
    private Location problemAt;
    /** Whether Date & Time is still wanted: until the first well-formed event. */
    private boolean dating = true;
    private String dateAndTime;
    private String timeText;

    // the event being read
    private long timeOfDay;
    private String processName;
    private String operationName;
    private Operation operation;
    private String path;
    private String result;
    private String detail;
    private String commandLine;
    private String imagePath;
    private int pid;
    private int tid;
    private int parentPid;
    private int processIndex;
    private Stack stack;
    private boolean hasProcessColumns;
    private String user;
    private String integrity;
    private String company;
    private String description;
    private String version;
    private long authenticationId;
    private int session;
    private boolean virtualized;
    private boolean is64Bit;

    /**
     * @param decoding which texts to build; below {@link Decoding#FULL}, a Path or Detail that the
     *                 level leaves out is passed over when the Operation came before it
     */
    EventElementParser(XmlCursor cursor, Decoding decoding) {
        this.cursor = cursor;
        this.decoding = decoding;
        this.stacks = new StackElementParser(cursor, names);
    }

    /**
     * Reads the event the cursor's start tag opens, through its end tag.
     *
     * @return the event, or why it is malformed
     */
    ParsedEvent parse() {
        present = 0;
        problem = null;
        timeOfDay = TimeOfDay.INVALID;
        processName = "";
        operationName = "";
        operation = null;
        path = "";
        result = "";
        detail = "";
        commandLine = "";
        imagePath = "";
        pid = Event.UNKNOWN;
        tid = Event.UNKNOWN;
        parentPid = Event.UNKNOWN;
        processIndex = Event.UNKNOWN;
        dateAndTime = "";
        timeText = "";
        stack = Stack.NONE;
        hasProcessColumns = false;
        user = "";
        integrity = "";
        company = "";
        description = "";
        version = "";
        authenticationId = ProcessColumns.UNKNOWN_LUID;
        session = Event.UNKNOWN;
        virtualized = false;
        is64Bit = false;
        int event;
        while ((event = cursor.next()) != XMLStreamConstants.END_ELEMENT) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                child(cursor.name());
            }
        }
        String missing = null;
        if ((present & REQUIRED) != REQUIRED) {
            missing = missing();
            fail(cursor.location(), "<event> has no <" + missing + "> element");
        }
        ParsedEvent.Dating kept = dating ? new ParsedEvent.Dating(dateAndTime, timeText) : ParsedEvent.Dating.NONE;
        dating &= problem != null;
        return new ParsedEvent(timeOfDay, processName, pid, tid, operationName,
                operation == null ? Operation.of(operationName) : operation, path, result, detail, parentPid,
                commandLine, imagePath, processIndex, problem, problem == null ? "" : XmlCursor.format(problemAt),
                missing, (present & DETAIL) != 0, kept, columns(), stack);
    }

    /** @return the process table's columns the event carries, shared by the events of a process */
    private ExportColumns columns() {
        return hasProcessColumns ? processColumns.of(pid, user, integrity, company, description, version,
                authenticationId, session, virtualized, is64Bit) : ExportColumns.NONE;
    }

    /**
     * Reads one child element of the event, the cursor on its start tag. A method of its own (not
     * the loop's body) so that the JIT compiles this switch once, not again for the loop (OSR).
     */
    private void child(String name) {
        switch (name) {
            case "ProcessIndex" -> processIndex = readInt();
            case "Time_of_Day" -> {
                collect();
                timeOfDay = TimeOfDay.parse(text.of(cursor.text(), cursor.length()));
                if (dating) {
                    timeText = cursor.string();
                }
                if (timeOfDay == TimeOfDay.INVALID) {
                    fail(cursor.location(), "Time of Day \"" + clip(cursor.string()) + "\" is not a time");
                }
                present |= TIME;
            }
            case "Process_Name" -> {
                processName = readName();
                present |= PROCESS_NAME;
            }
            case "PID" -> {
                pid = readInt();
                if (pid < 0) {
                    fail(cursor.location(), "PID \"" + clip(cursor.string()) + "\" is not a number");
                }
                present |= PID;
            }
            case "Operation" -> {
                operationName = readName();
                operation = Operation.of(operationName);
                present |= OPERATION;
            }
            case "Path" -> {
                path = keepPath(operation) ? readString() : skipString();
                present |= PATH;
            }
            case "Result" -> {
                result = readName();
                present |= RESULT;
            }
            case "Detail" -> {
                detail = keepDetail(operation) ? readString() : skipString();
                present |= DETAIL;
            }
            case "TID" -> tid = readInt();
            case "Parent_PID" -> parentPid = readInt();
            case "Command_Line" -> commandLine = readString();
            case "Image_Path" -> imagePath = readName();
            case "Date___Time" -> dateAndTime = dating ? readString() : skipString();
            case "stack" -> {
                stack = stacks.read(operation == null || decoding.keepsStack(operation));
                if (stacks.problem() != null) {
                    fail(cursor.location(), stacks.problem());
                }
            }
            case "User" -> user = processColumn();
            case "Integrity" -> integrity = processColumn();
            case "Company" -> company = processColumn();
            case "Description" -> description = processColumn();
            case "Version" -> version = processColumn();
            case "Authentication_ID" -> authenticationId = ProcessColumnsCache.luid(processColumn());
            case "Session" -> session = processColumn().isEmpty() ? Event.UNKNOWN : readInt(cursor.text(), cursor.length());
            case "Virtualized" -> virtualized = processColumn().equals("True");
            case "Architecture" -> is64Bit = processColumn().equals("64-bit");
            default -> cursor.skipElement();
        }
    }

    /** @return a process table column's text, when the decoding level keeps them; else "" */
    private String processColumn() {
        if (!decoding.keepsProcessColumns()) {
            return skipString();
        }
        hasProcessColumns = true;
        return readName();
    }

    /** @param operation the event's, or null when its Operation has not come yet (then all is kept) */
    private boolean keepPath(Operation operation) {
        return operation == null || decoding.keepsPath(operation);
    }

    private boolean keepDetail(Operation operation) {
        return operation == null || decoding.keepsDetail(operation);
    }

    private String missing() {
        for (int i = 0; i < NAMES.length; i++) {
            if ((present & (1 << i)) == 0) {
                return NAMES[i];
            }
        }
        return null;
    }

    private void fail(Location at, String what) {
        if (problem == null) {
            problem = what;
            problemAt = at;
        }
    }

    private void collect() {
        pass(true);
    }

    /** Passes over the current element, collecting its text when {@code keep}. */
    private void pass(boolean keep) {
        String column = cursor.name();
        String child = keep ? cursor.readText() : cursor.skipText();
        if (child != null) {
            fail(cursor.location(), "unexpected element <" + child + "> inside <" + column + ">");
        }
    }

    private String readString() {
        collect();
        return cursor.string();
    }

    private String skipString() {
        pass(false);
        return "";
    }

    private String readName() {
        collect();
        return names.get(cursor.text(), cursor.length());
    }

    /** @return the element's non-negative integer value, or -1 when it is not one */
    private int readInt() {
        collect();
        return readInt(cursor.text(), cursor.length());
    }

    /** @return the collected text's non-negative integer value, or -1 when it is not one */
    private static int readInt(char[] chars, int n) {
        if (n == 0 || n > 10) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + c - '0';
        }
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    static String clip(String s) {
        String one = s.replaceAll("\\p{Cntrl}", "?");
        return one.length() > 40 ? one.substring(0, 40) + "..." : one;
    }

    /** The cursor's collected text seen as a CharSequence, without copying it. */
    private static final class CharsView implements CharSequence {
        private char[] chars;
        private int length;

        CharsView of(char[] buffer, int used) {
            chars = buffer;
            length = used;
            return this;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            if (index >= length) {
                throw new IndexOutOfBoundsException(index);
            }
            return chars[index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(chars, start, end - start);
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }
    }
}
