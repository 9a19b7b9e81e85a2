package org.pmtriage.read.internal;

import java.util.function.Consumer;

import org.pmtriage.event.Event;
import org.pmtriage.event.Printable;
import org.pmtriage.event.ProcessInfo;

/**
 * The budget of one log's texts: no path, name, command line or detail is kept longer than
 * {@link #MAX_CHARS} characters (Windows paths and command lines end at 32,767). A longer text
 * is cut to that length; the first cut is named in a warning, the rest are counted.
 */
public final class TextBudget {

    /** The longest text kept, in characters. */
    public static final int MAX_CHARS = 1 << 16;

    private final String source;
    private final Consumer<String> warnings;
    private long cuts;

    /**
     * @param source   the log's name for the warning
     * @param warnings where the warning goes
     */
    public TextBudget(String source, Consumer<String> warnings) {
        this.source = source;
        this.warnings = warnings;
    }

    /**
     * @param text  a text of the log
     * @param what  what it is, for the warning ({@code the Path of record 12})
     * @return {@code text}, or its first {@link #MAX_CHARS} characters
     */
    public String cut(String text, String what) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        cut(what, text.length());
        return text.substring(0, MAX_CHARS);
    }

    /**
     * Counts a cut made by the caller (who read only the first {@link #MAX_CHARS} characters).
     *
     * @param what   what was cut, for the warning
     * @param length its full length in characters
     */
    public void cut(String what, long length) {
        if (cuts++ == 0) {
            warnings.accept(Printable.of(source + ": " + what + " is " + length
                    + " characters long: cut to its first " + MAX_CHARS + "; later texts over that length are cut too"
                    + " and counted"));
        }
    }

    /** @return {@code e}, or a copy whose texts are cut */
    public Event cut(Event e) {
        if (e.path().length() <= MAX_CHARS && e.detail().length() <= MAX_CHARS && e.commandLine().length() <= MAX_CHARS
                && e.processName().length() <= MAX_CHARS && e.imagePath().length() <= MAX_CHARS
                && e.operationName().length() <= MAX_CHARS && e.result().length() <= MAX_CHARS) {
            return e;
        }
        String where = " of record " + e.record();
        return new Event(e.record(), e.time(), cut(e.processName(), "the Process Name" + where), e.pid(), e.tid(),
                cut(e.operationName(), "the Operation" + where), e.operation(), cut(e.path(), "the Path" + where),
                cut(e.result(), "the Result" + where), cut(e.detail(), "the Detail" + where), e.parentPid(),
                cut(e.commandLine(), "the Command Line" + where), cut(e.imagePath(), "the Image Path" + where),
                e.processIndex(), e.columns(), e.stack());
    }

    /** @return {@code p}, or a copy whose texts are cut */
    public ProcessInfo cut(ProcessInfo p) {
        if (p.name().length() <= MAX_CHARS && p.imagePath().length() <= MAX_CHARS
                && p.commandLine().length() <= MAX_CHARS) {
            return p;
        }
        String where = " of process " + p.processIndex() + " in the process list";
        return new ProcessInfo(p.processIndex(), p.pid(), p.parentPid(), p.parentIndex(), cut(p.name(), "the name" + where),
                cut(p.imagePath(), "the image path" + where), cut(p.commandLine(), "the command line" + where),
                p.startTime(), p.endTime(), p.columns(), p.modules());
    }

    /** @return how many texts were cut so far */
    public long cuts() {
        return cuts;
    }
}
