package org.pmtriage.cli;

import java.io.IOException;
import java.io.Writer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.pmtriage.event.Event;
import org.pmtriage.event.Timeline;

/**
 * The formats {@code convert} writes: ProcMon's own CSV with its default seven columns, or one
 * JSON object per line per event.
 */
enum EventFormat {

    /** ProcMon's CSV export: UTF-8 BOM, every field quoted, CRLF, en-US 12-hour times. */
    csv {
        @Override
        Sink open(Writer out) throws IOException {
            out.write("\uFEFF\"Time of Day\",\"Process Name\",\"PID\",\"Operation\",\"Path\",\"Result\",\"Detail\"\r\n");
            StringBuilder line = new StringBuilder(512);
            return new Sink() {
                private char[] chars = new char[512];

                @Override
                public void write(Event e) throws IOException {
                    // one write per record: a Writer call per field costs more than formatting it
                    line.setLength(0);
                    field(line, procmonTime(e.time())).append(',');
                    field(line, e.processName()).append(',');
                    line.append('"').append(e.pid()).append("\",");
                    field(line, e.operationName()).append(',');
                    field(line, e.path()).append(',');
                    field(line, e.result()).append(',');
                    field(line, e.detail()).append("\r\n");
                    if (chars.length < line.length()) {
                        chars = new char[line.length() * 2];
                    }
                    line.getChars(0, line.length(), chars, 0);
                    out.write(chars, 0, line.length());
                }

                @Override
                public void close() {
                    // the caller owns the writer
                }
            };
        }
    },

    /** One JSON object per event and line: the event's fields, times as text and as ticks. */
    jsonl {
        @Override
        Sink open(Writer out) throws IOException {
            JsonGenerator json = new JsonFactory().createGenerator(out);
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            return new Sink() {
                @Override
                public void write(Event e) throws IOException {
                    json.writeStartObject();
                    json.writeNumberField("record", e.record());
                    json.writeStringField("timeOfDay", clock(e.time(), false));
                    json.writeNumberField("ticks", e.time());
                    json.writeStringField("processName", e.processName());
                    json.writeNumberField("pid", e.pid());
                    json.writeNumberField("tid", e.tid());
                    json.writeStringField("operation", e.operationName());
                    json.writeStringField("path", e.path());
                    json.writeStringField("result", e.result());
                    json.writeStringField("detail", e.detail());
                    json.writeNumberField("parentPid", e.parentPid());
                    json.writeStringField("commandLine", e.commandLine());
                    json.writeStringField("imagePath", e.imagePath());
                    json.writeNumberField("processIndex", e.processIndex());
                    json.writeEndObject();
                    json.writeRaw('\n');
                }

                @Override
                public void close() throws IOException {
                    json.flush();
                }
            };
        }
    };

    /** Receives events in order. */
    interface Sink extends AutoCloseable {
        void write(Event e) throws IOException;

        @Override
        void close() throws IOException;
    }

    /**
     * Starts writing: emits any header at once.
     *
     * @param out where the text goes; not closed by the sink
     */
    abstract Sink open(Writer out) throws IOException;

    /** Appends a value quoted the way ProcMon quotes every field, with embedded quotes doubled. */
    private static StringBuilder field(StringBuilder sb, String value) {
        sb.append('"');
        if (value.indexOf('"') < 0) {
            sb.append(value);
        } else {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                sb.append(c);
                if (c == '"') {
                    sb.append('"');
                }
            }
        }
        return sb.append('"');
    }

    /**
     * @param ticks a position on the events' timeline
     * @return its time of day as ProcMon's en-US export writes it: {@code 7:37:18.2093997 AM}
     */
    static String procmonTime(long ticks) {
        return clock(ticks, true);
    }

    /** @return the time of day of a timeline position, 24-hour ({@code 07:37:18.2093997}) or en-US 12-hour */
    private static String clock(long ticks, boolean twelveHour) {
        long t = Math.floorMod(ticks, Timeline.TICKS_PER_DAY);
        long seconds = t / Timeline.TICKS_PER_SECOND;
        int hour = (int) (seconds / 3600);
        StringBuilder sb = new StringBuilder(20);
        if (twelveHour) {
            sb.append(hour % 12 == 0 ? 12 : hour % 12);
        } else {
            two(sb, hour);
        }
        two(sb.append(':'), (int) (seconds / 60 % 60));
        two(sb.append(':'), (int) (seconds % 60));
        String fraction = Long.toString(t % Timeline.TICKS_PER_SECOND + Timeline.TICKS_PER_SECOND);
        sb.append('.').append(fraction, 1, 8);
        if (twelveHour) {
            sb.append(hour < 12 ? " AM" : " PM");
        }
        return sb.toString();
    }

    private static void two(StringBuilder sb, int value) {
        sb.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
