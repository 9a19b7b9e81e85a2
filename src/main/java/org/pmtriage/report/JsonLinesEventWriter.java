package org.pmtriage.report;

import java.io.IOException;
import java.io.Writer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.pmtriage.event.Event;
import org.pmtriage.event.Timeline;

/**
 * Writes one JSON object per event and line: the event's fields, its time as text
 * ({@link Timeline#format}) and as ticks.
 */
public final class JsonLinesEventWriter implements EventWriter {

    private final JsonGenerator json;

    /** @param out where the text goes; flushed, not closed, by {@link #close()} */
    public JsonLinesEventWriter(Writer out) throws IOException {
        json = new JsonFactory().createGenerator(out);
        json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    }

    @Override
    public void write(Event e) throws IOException {
        json.writeStartObject();
        json.writeNumberField("record", e.record());
        json.writeStringField("timeOfDay", Timeline.format(e.time()));
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
}
