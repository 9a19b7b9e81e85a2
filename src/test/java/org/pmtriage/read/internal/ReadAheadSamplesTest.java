package org.pmtriage.read.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pmtriage.event.Event;
import org.pmtriage.read.Decoding;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.read.open.LogReaders;

/** Reading ahead on a second thread changes no event: the analysis sees what the reader reads. */
class ReadAheadSamplesTest {

    @ParameterizedTest
    @ValueSource(strings = {"samples/flaky-build.csv", "samples/parallel-build-es.csv", "samples/redirect-ok.csv",
        "samples/parallel-build.xml"})
    void theSameEventsWithAndWithoutReadingAhead(String sample) throws IOException {
        for (Decoding decoding : new Decoding[] {Decoding.ANALYSIS, Decoding.COUNTS}) {
            ReadOptions options = ReadOptions.defaults().withDecoding(decoding);
            List<Event> direct;
            try (EventReader reader = LogReaders.open(sample, options)) {
                direct = all(reader);
            }
            List<Event> ahead;
            try (EventReader reader = new ReadAhead(LogReaders.open(sample, options), new TextBudget(sample, w -> { }))) {
                ahead = all(reader);
            }
            assertTrue(direct.size() > ReadAhead.BATCH, sample + ": more than one batch");
            assertEquals(direct, ahead, sample + " at " + decoding);
        }
    }

    private static List<Event> all(EventReader reader) {
        List<Event> out = new ArrayList<>();
        while (reader.hasNext()) {
            out.add(reader.next());
        }
        return out;
    }
}
