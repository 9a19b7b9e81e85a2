package org.pmtriage.read.xml;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;

import org.pmtriage.event.Event;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.read.BadRecordPolicy;
import org.pmtriage.read.InputFormat;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.read.internal.CountingInputStream;
import org.pmtriage.read.internal.DayRollover;
import org.pmtriage.read.internal.EventReaderBase;
import org.pmtriage.read.internal.TextBudget;
import org.pmtriage.read.internal.TextEncoding;

/**
 * Reads a ProcMon XML export as it streams, with Aalto's StAX parser: the {@code <processlist>}
 * becomes {@link #processes()} (module lists skipped), each {@code <event>} an {@link Event} with
 * its {@code ProcessIndex}. Columns are found by element name in any subset and order, as the CSV
 * reader finds them by header; the same capture gives the same events from both exports, except
 * that only XML events carry a process index.
 *
 * <p>DTDs and entities other than the five predefined ones are refused, so the reader never reads
 * anything outside its input and never expands text beyond the input's size. Errors name
 * {@code line:column}. Under {@link BadRecordPolicy#SKIP} a malformed event or process entry is
 * counted and the first {@link ReadOptions#NAMED_SKIPS} are warned about; malformed XML always
 * stops the reading.
 *
 * <p>The processlist's CreateTime/FinishTime are UTC while event times are local; they are put on
 * the events' timeline only when a {@code Process Start} event among the first
 * {@link #LOOKAHEAD_EVENTS} events matches its process's CreateTime (see {@code ProcessClock}),
 * and are {@link ProcessInfo#UNKNOWN_TIME} otherwise. The events read to find that anchor are
 * held and returned in order; an error met meanwhile is raised when the reading reaches it.
 */
public final class XmlEventReader extends EventReaderBase {

    /** Largest element text accepted, in characters; a larger one is malformed input, not an OOM. */
    public static final int MAX_TEXT_CHARS = 4 * 1024 * 1024;

    /**
     * Largest run of bytes without markup the parser is given (see
     * {@link TextRunGuard}): room for {@link #MAX_TEXT_CHARS} characters of up to two UTF-8 bytes.
     */
    public static final int MAX_TEXT_BYTES = 2 * MAX_TEXT_CHARS;

    /** Longest tag, comment, instruction or declaration accepted outside the events (see {@link MarkupGuard}). */
    public static final int MAX_MARKUP_BYTES = 1 << 20;

    /** How many events are read ahead at most to put process times on the events' timeline. */
    public static final int LOOKAHEAD_EVENTS = 50_000;

    /** How many characters of text the read-ahead events may hold, to bound its memory. */
    static final long LOOKAHEAD_CHARS = 4L << 20;

    private final String source;
    private final ReadOptions options;
    private final CountingInputStream counter;
    private final MarkupGuard outsideEvents;
    private final XmlCursor cursor;
    private final DayRollover days = new DayRollover();
    private final ArrayDeque<Event> ahead = new ArrayDeque<>();
    private SequentialEvents events;
    private final List<ProcessInfo> processes;
    private LogFormatException pending;
    private boolean sawEvent;
    private long recordNumber;

    /**
     * Reads up to the first event, so input that is not a ProcMon XML export fails here.
     *
     * @param in      the export's bytes, with or without a byte-order mark; closed by {@link #close()}
     * @param source  the file name for messages
     * @param options policy and warnings
     * @throws LogFormatException when the input is not a ProcMon XML export or is malformed
     */
    public XmlEventReader(InputStream in, String source, ReadOptions options) {
        this(in, source, options, null);
    }

    /** @param parser opens the parser of the document; null for {@link #openCursor} */
    XmlEventReader(InputStream in, String source, ReadOptions options, XmlCursor.Opener parser) {
        super(InputFormat.XML, options);
        this.source = source;
        this.options = options;
        this.counter = new CountingInputStream(in);
        this.outsideEvents = new MarkupGuard(counter, MAX_MARKUP_BYTES);
        this.cursor = parser != null ? parser.open(outsideEvents, source) : openCursor(outsideEvents, source);
        List<ProcessEntry> entries = readToEvents();
        this.processes = entries.isEmpty() ? List.of() : lookAhead(new ProcessClock(entries));
    }

    /**
     * Opens the parser of the document: Aalto's blocking parser (the fastest, 30-40% less CPU than
     * its non-blocking one), through a {@link TextRunGuard} that bounds the text it may assemble. A
     * DOCTYPE is refused before any parsing (see {@link Prolog}).
     */
    static XmlCursor openCursor(InputStream in, String source) {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        try {
            buffered.mark(3 + Prolog.EXAMINED);
            byte[] head = buffered.readNBytes(3 + Prolog.EXAMINED);
            buffered.reset();
            TextEncoding encoding = TextEncoding.sniff(head);
            int bom = encoding.isUtf8() ? encoding.bomLength() : 0;
            byte[] start = Arrays.copyOfRange(head, bom, Math.min(head.length, bom + Prolog.EXAMINED));
            Prolog prolog = Prolog.scan(start, start.length);
            if (prolog.doctype() != null) {
                throw new LogFormatException(source, prolog.doctype(), XmlCursor.DOCTYPE_REFUSED);
            }
            String root = !encoding.isUtf8() || prolog.rootStart() < 0 ? null
                    : prolog.rootLine() + ":" + prolog.rootColumn();
            return XmlCursor.blocking(StaxFactories.aalto(), new TextRunGuard(buffered, MAX_TEXT_BYTES), source,
                    MAX_TEXT_CHARS, root);
        } catch (IOException e) {
            throw new LogFormatException(source, "", "cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public List<ProcessInfo> processes() {
        return processes;
    }

    @Override
    public long bytesRead() {
        return counter.bytes();
    }

    @Override
    protected Event read() {
        if (!ahead.isEmpty()) {
            return ahead.poll();
        }
        if (pending != null) {
            throw pending;
        }
        return readEvent();
    }

    @Override
    public void close() throws IOException {
        if (events != null) {
            events.close();
        }
        cursor.close();
        counter.close();
    }

    /** Reads the prolog and the root's children up to the start of the eventlist. */
    private List<ProcessEntry> readToEvents() {
        int event;
        do {
            event = cursor.next();
        } while (event != XMLStreamConstants.START_ELEMENT);
        if (!cursor.name().equals("procmon")) {
            throw new LogFormatException(source, cursor.rootPosition(), "not a ProcMon XML export: the root"
                    + " element is <" + cursor.name() + ">, expected <procmon>");
        }
        List<ProcessEntry> entries = List.of();
        while ((event = cursor.next()) != XMLStreamConstants.END_ELEMENT) {
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (cursor.name()) {
                case "processlist" -> entries = new ProcessListParser(cursor, this::bad,
                        new TextBudget(source, options.warnings()), w -> options.warnings().accept(source + ":" + w)).read();
                case "eventlist" -> {
                    outsideEvents.stop();
                    events = new SequentialEvents(cursor, options.decoding());
                    return entries;
                }
                default -> cursor.skipElement();
            }
        }
        SequentialEvents.finishDocument(cursor);
        return entries;
    }

    private List<ProcessInfo> lookAhead(ProcessClock clock) {
        long chars = 0;
        try {
            while (ahead.size() < LOOKAHEAD_EVENTS && chars < LOOKAHEAD_CHARS) {
                Event e = readEvent();
                if (e == null) {
                    break;
                }
                ahead.add(e);
                chars += e.path().length() + e.detail().length() + e.commandLine().length();
                if (clock.observe(e)) {
                    break;
                }
            }
        } catch (LogFormatException e) {
            pending = e;
        }
        return clock.processes();
    }

    /** @return the next well-formed event, or null after the eventlist */
    private Event readEvent() {
        if (events == null) {
            return null;
        }
        ParsedEvent parsed;
        while ((parsed = events.next()) != null) {
            if (!sawEvent) {
                sawEvent = true;
                checkColumns(parsed);
            }
            if (parsed.problem() != null) {
                bad(parsed.position(), parsed.problem());
                continue;
            }
            recordNumber++;
            if (!parsed.dating().dateAndTime().isEmpty()) {
                dateFirstDay(source, parsed.dating().dateAndTime(), parsed.dating().timeOfDay());
            }
            return parsed.toEvent(recordNumber, days.toTimeline(parsed.timeOfDay()));
        }
        events = null;
        return null;
    }

    /** The first event shows which columns the export has, as a CSV header does. */
    private void checkColumns(ParsedEvent first) {
        if (first.missing() != null) {
            throw new LogFormatException(source, first.position(), "not a ProcMon XML export: the"
                    + " first <event> has no <" + first.missing() + "> element (events need "
                    + EventElementParser.REQUIRED_NAMES + ")");
        }
        if (!first.hadDetail()) {
            options.warnings().accept(source + ": no Detail element in events: share modes, write access"
                    + " and spawned PIDs are unknown, so findings will be less precise");
        }
    }

    private void bad(String position, String what) {
        badRecords().skip(source, position, what, null);
    }
}
