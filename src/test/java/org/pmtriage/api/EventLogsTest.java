package org.pmtriage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pmtriage.event.Event;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.ReadOptions;

class EventLogsTest {

    private static List<Event> all(EventReader reader) throws IOException {
        try (reader) {
            List<Event> out = new ArrayList<>();
            reader.forEachRemaining(out::add);
            return out;
        }
    }

    @Test
    void aStreamGivesTheEventsTheFileGives() throws IOException {
        for (String sample : List.of("samples/flaky-build.csv", "samples/flaky-build.pml")) {
            List<Event> fromFile = all(EventLogs.open(sample, ReadOptions.defaults()));
            List<Event> fromStream;
            try (InputStream in = Files.newInputStream(Path.of(sample))) {
                fromStream = all(EventLogs.open(in, "upload", ReadOptions.defaults()));
            }
            assertTrue(fromFile.size() > 100, sample);
            assertEquals(fromFile, fromStream, sample);
        }
    }

    @Test
    void aStreamThatIsNoLogIsRefusedByItsName() {
        InputStream notALog = new ByteArrayInputStream("hello\n".getBytes(StandardCharsets.UTF_8));
        LogFormatException e = assertThrows(LogFormatException.class,
                () -> EventLogs.open(notALog, "upload.txt", ReadOptions.defaults()).close());
        assertEquals("upload.txt", e.source());
    }
}
