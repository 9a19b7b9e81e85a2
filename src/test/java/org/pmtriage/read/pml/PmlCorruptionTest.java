package org.pmtriage.read.pml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmtriage.event.Event;
import org.pmtriage.read.BadRecordPolicy;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.read.open.LogReaders;

/**
 * Damaged PML files: structural damage fails at open with the byte offset; a damaged event is
 * skipped and counted under SKIP and stops the read under FAIL. Never an exception trace.
 */
class PmlCorruptionTest {

    @TempDir
    Path dir;
    private Path file;
    private ByteBuffer bytes;
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void writeCapture() throws IOException {
        file = dir.resolve("c.pml");
        PmlWriter.write(file, PmlRoundTripTest.processes(), PmlRoundTripTest.events(), PmlRoundTripTest.DAY);
        bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private long offsetsArray() {
        return bytes.getLong(0x248);
    }

    private int eventOffset(int i) {
        return bytes.getInt((int) offsetsArray() + 5 * i);
    }

    private void save() throws IOException {
        Files.write(file, bytes.array());
    }

    private String open(BadRecordPolicy policy) {
        LogFormatException e = assertThrows(LogFormatException.class, () -> readAll(policy));
        return e.getMessage();
    }

    private List<Event> readAll(BadRecordPolicy policy) throws IOException {
        ReadOptions options = ReadOptions.defaults().withPolicy(policy).withWarnings(warnings::add);
        List<Event> events = new ArrayList<>();
        try (var r = LogReaders.open(file.toString(), options)) {
            r.forEachRemaining(events::add);
            assertEquals(events.size() == PmlRoundTripTest.events().size() ? 0 : 1, r.skippedRecords());
        }
        return events;
    }

    @Test
    void truncatedFileFailsAtOpenWithTheOffset() throws IOException {
        Files.write(file, java.util.Arrays.copyOf(bytes.array(), eventOffset(5)));
        assertEquals(file + ":byte 0x3a0: the hosts table (at 0x" + Long.toHexString(bytes.getLong(0x3A0))
                + ") lies beyond the end of file (at 0x" + Integer.toHexString(eventOffset(5))
                + "): corrupt or truncated PML", open(BadRecordPolicy.SKIP));
    }

    @Test
    void fileCutInsideTheHeaderSaysSo() throws IOException {
        Files.write(file, java.util.Arrays.copyOf(bytes.array(), 6));
        assertEquals(file + ":byte 0x6: truncated PML: the file ends inside its header", open(BadRecordPolicy.SKIP));
        Files.write(file, java.util.Arrays.copyOf(bytes.array(), 0x200));
        assertEquals(file + ":byte 0x200: truncated PML: the header needs 0x3a8 bytes, the file has 0x200",
                open(BadRecordPolicy.SKIP));
    }

    @Test
    void unclosedFileIsNamedAsSuch() throws IOException {
        bytes.putLong(0x248, 0).putLong(0x250, 0);
        save();
        assertEquals(file + ":byte 0x240: the PML file was not closed cleanly (its table offsets are zero): ProcMon "
                + "was killed while capturing; stop captures with /Terminate", open(BadRecordPolicy.SKIP));
    }

    @Test
    void eventOffsetOutsideTheEventsIsSkippedOrFails() throws IOException {
        bytes.putInt((int) offsetsArray() + 5 * 3, (int) offsetsArray() + 100);
        save();
        List<Event> events = readAll(BadRecordPolicy.SKIP);
        assertEquals(PmlRoundTripTest.events().size() - 1, events.size());
        assertEquals("Thread Create", events.get(3).operationName());
        assertEquals(4, events.get(3).record());
        assertEquals(List.of(file + ":byte 0x" + Long.toHexString(offsetsArray() + 100) + ": skipped: event 4 has "
                + "offset 0x" + Long.toHexString(offsetsArray() + 100) + ", outside the events region 0x3a8-0x"
                + Long.toHexString(offsetsArray())), warnings);
        assertEquals(file + ":byte 0x" + Long.toHexString(offsetsArray() + 100) + ": event 4 has offset 0x"
                + Long.toHexString(offsetsArray() + 100) + ", outside the events region 0x3a8-0x"
                + Long.toHexString(offsetsArray()), open(BadRecordPolicy.FAIL));
    }

    @Test
    void offsetThatGoesBackIsSkipped() throws IOException {
        bytes.putInt((int) offsetsArray() + 5 * 3, eventOffset(1));
        save();
        assertEquals(PmlRoundTripTest.events().size() - 1, readAll(BadRecordPolicy.SKIP).size());
        assertEquals(file + ":byte 0x" + Integer.toHexString(eventOffset(1)) + ": event 4 has offset 0x"
                + Integer.toHexString(eventOffset(1)) + ", not after the previous event's 0x"
                + Integer.toHexString(eventOffset(2)), open(BadRecordPolicy.FAIL));
    }

    @Test
    void detailSizeBeyondTheNextEventIsSkipped() throws IOException {
        int at = eventOffset(1);
        bytes.putInt(at + 0x2C, 0x7fffffff);
        save();
        assertEquals(PmlRoundTripTest.events().size() - 1, readAll(BadRecordPolicy.SKIP).size());
        assertEquals(file + ":byte 0x" + Integer.toHexString(at) + ": the event needs 2147483699 bytes (stack 0 "
                + "frames, detail 2147483647), but only " + (eventOffset(2) - at) + " are left before the next event",
                open(BadRecordPolicy.FAIL));
    }

    @Test
    void pathLongerThanItsEventIsSkipped() throws IOException {
        int at = eventOffset(0);
        bytes.putShort(at + 0x34 + 0x40, (short) 0xFFFF);
        save();
        assertEquals(PmlRoundTripTest.events().size() - 1, readAll(BadRecordPolicy.SKIP).size());
        assertEquals(file + ":byte 0x" + Integer.toHexString(at) + ": a detail field runs ",
                open(BadRecordPolicy.FAIL).replaceAll("runs \\d+.*", "runs "));
    }

    @Test
    void unknownProcessAndClassAreSkipped() throws IOException {
        bytes.putInt(eventOffset(2), 999);
        bytes.putInt(eventOffset(3) + 8, 9);
        save();
        assertEquals(PmlRoundTripTest.events().size() - 2, readAllCountingTwo().size());
        assertEquals(file + ":byte 0x" + Integer.toHexString(eventOffset(2)) + ": process index 999 is not in the "
                + "process table", open(BadRecordPolicy.FAIL));
        assertEquals(file + ":byte 0x" + Integer.toHexString(eventOffset(3)) + ": skipped: event class 9 is not 1-5",
                warnings.get(1));
    }

    private List<Event> readAllCountingTwo() throws IOException {
        List<Event> events = new ArrayList<>();
        try (var r = LogReaders.open(file.toString(), ReadOptions.defaults().withWarnings(warnings::add))) {
            r.forEachRemaining(events::add);
            assertEquals(2, r.skippedRecords());
        }
        return events;
    }

    @Test
    void saturatedExtraDetailSizeIsBoundedByTheNextEvent() throws IOException {
        int at = eventOffset(0);
        int extra = bytes.getInt(at + 0x30);
        bytes.putShort(at + extra, (short) 0xFFFF);
        save();
        List<Event> events = readAll(BadRecordPolicy.FAIL);
        assertEquals(PmlRoundTripTest.events(), events);
    }

    @Test
    void otherVersionsAreRejectedByNumber() throws IOException {
        bytes.putInt(4, 10);
        save();
        assertEquals(file + ":byte 0x4: PML format version 10 is not supported (only version 9, written by ProcMon "
                + "3.40 and later); open it in a current ProcMon and save it again", open(BadRecordPolicy.SKIP));
    }

    @Test
    void tablesThatOverrunTheirRegionFailAtOpen() throws IOException {
        long processes = bytes.getLong(0x250);
        bytes.putInt((int) processes, 100_000);
        save();
        assertEquals(file + ":byte 0x" + Long.toHexString(processes) + ": the process table claims 100000 process "
                + "entries, more than fit in its " + (bytes.getLong(0x258) - processes) + " bytes",
                open(BadRecordPolicy.SKIP));
    }

    @Test
    void aStackDeeperThanARealCaptureRecordsIsSkipped() throws IOException {
        int at = eventOffset(1);
        bytes.putShort(at + 0x28, (short) 600);
        save();
        assertEquals(PmlRoundTripTest.events().size() - 1, readAll(BadRecordPolicy.SKIP).size());
        assertEquals(file + ":byte 0x" + Integer.toHexString(at) + ": its stack depth is 600 frames, more than the "
                + "512 a real capture records", open(BadRecordPolicy.FAIL));
    }

    /** @return where process record {@code i} of the (64-bit) process table starts */
    private int processRecord(int i) {
        int table = (int) bytes.getLong(0x250);
        int count = bytes.getInt(table);
        return table + bytes.getInt(table + 4 + 4 * count + 4 * i);
    }

    @Test
    void aModuleCountOutOfRangeFailsAtOpenWithItsOffset() throws IOException {
        int count = processRecord(0) + 0x60 + 8;
        bytes.putInt(count, 100_000);
        save();
        assertEquals(file + ":byte 0x" + Integer.toHexString(count) + ": process record 0 claims 100000 modules, more "
                + "than the 4096 a process can plausibly load", open(BadRecordPolicy.SKIP));
        bytes.putInt(count, 4000);
        save();
        assertEquals(file + ":byte 0x" + Integer.toHexString(count + 4) + ": the list of 4000 modules of process record 0"
                + " of the process table runs past its end (0x" + Long.toHexString(bytes.getLong(0x258)) + ")",
                open(BadRecordPolicy.SKIP));
    }

    @Test
    void aStringIndexOutOfRangeFailsAtOpenWithItsOffset() throws IOException {
        int name = processRecord(1) + 0x40;
        bytes.putInt(name, 99_999);
        save();
        int strings = bytes.getInt((int) bytes.getLong(0x258));
        assertEquals(file + ":byte 0x" + Integer.toHexString(name) + ": process record 1 refers to string 99999, but "
                + "the strings table has " + strings, open(BadRecordPolicy.SKIP));
    }
}
