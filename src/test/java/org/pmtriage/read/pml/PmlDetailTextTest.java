package org.pmtriage.read.pml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.pmtriage.event.ExportLocale;

/**
 * The pieces of PML Detail texts, on values whose ProcMon text the real exports in ../shared show
 * (so that they are checked in every clone, not only where ../shared is).
 */
class PmlDetailTextTest {

    private static long filetime(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 10_000_000L + i.getNano() / 100 + PmlClock.UNIX_EPOCH;
    }

    @Test
    void datesUseTheZoneOffsetAtTheEventsTime() {
        // prsp0007 (es-ES, Madrid, captured in August): a December file time is shown at +2
        PmlText t = new PmlText(ExportLocale.ES_ES, ZoneId.of("Europe/Madrid"), false);
        t.start(filetime("2021-08-30T13:42:22Z"));
        assertEquals("10/12/2020 17:48:57", t.date(filetime("2020-12-10T15:48:57Z")));
        assertEquals("01/01/1601 1:59:59", t.date(-1));
        PmlText us = new PmlText(ExportLocale.EN_US, ZoneOffset.UTC, false);
        us.start(filetime("2020-07-12T01:18:10Z"));
        assertEquals("1/1/1601 12:00:00 AM", us.date(0));
        assertEquals("7/3/2020 8:14:19 PM", us.date(filetime("2020-07-03T20:14:19.5Z")));
    }

    @Test
    void numbersAreGroupedPerLocale() {
        PmlText t = new PmlText(ExportLocale.ES_ES, ZoneOffset.UTC, false).start(0);
        t.number("AllocationSize", 4_083_712).number("NumberOfLinks", 2).bool("Directory", false);
        assertEquals("AllocationSize: 4.083.712, NumberOfLinks: 2, Directory: False", t.done());
    }

    @Test
    void registryAccessExpandsGenericBits() {
        assertEquals("Read", PmlRegistryDetails.access(0x20019));
        assertEquals("Query Value, Enumerate Sub Keys", PmlRegistryDetails.access(0x9));
        assertEquals("All Access", PmlRegistryDetails.access(0x10000000));
        assertEquals("Maximum Allowed", PmlRegistryDetails.access(0x2000000));
        assertEquals("None 0x0", PmlRegistryDetails.access(0));
    }

    @Test
    void controlsAreNamedOrSpelledOutAsProcmonDoes() {
        assertEquals("FSCTL_REQUEST_OPLOCK", PmlControls.name(0x90240));
        assertEquals("Read Metadata", PmlControls.category(0x900eb));
        assertEquals("0x902eb (Device:0x9 Function:186 Method: 3)", PmlControls.name(0x902eb));
    }

    @Test
    void directoryListingPutsTheClassWhereTheCapturesProcmonDoes() {
        ByteBuffer b = bothDirectoryEntries(".", "..", "desktop.ini", "Temp");
        String older = PmlDirectoryListing.detail(new PmlText(ExportLocale.EN_US, ZoneOffset.UTC, false).start(0), "",
                3, new PmlCursor(b, 0, b.limit()));
        assertEquals("0: ., 1: .., FileInformationClass: FileBothDirectoryInformation, 3: Temp", older);
        String newer = PmlDirectoryListing.detail(new PmlText(ExportLocale.EN_US, ZoneOffset.UTC, true).start(0),
                "Temp", 3, new PmlCursor(b, 0, 0));
        assertEquals("FileInformationClass: FileBothDirectoryInformation, Filter: Temp", newer);
        String filtered = PmlDirectoryListing.detail(new PmlText(ExportLocale.EN_US, ZoneOffset.UTC, false).start(0),
                "Temp", 3, new PmlCursor(bothDirectoryEntries("Temp"), 0, 94 + 8));
        assertEquals("Filter: Temp, 1: Temp, FileInformationClass: FileBothDirectoryInformation", filtered);
    }

    /** @return a chain of FILE_BOTH_DIR_INFORMATION entries (file name at 94, its length at 60) */
    private static ByteBuffer bothDirectoryEntries(String... names) {
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        int at = 0;
        for (int i = 0; i < names.length; i++) {
            byte[] name = names[i].getBytes(StandardCharsets.UTF_16LE);
            int size = 94 + name.length;
            int next = i + 1 < names.length ? (size + 7) & ~7 : 0;
            b.putInt(at, next).putInt(at + 60, name.length).put(at + 94, name);
            at += next;
        }
        b.limit(at + 94 + names[names.length - 1].getBytes(StandardCharsets.UTF_16LE).length);
        return b;
    }
}
