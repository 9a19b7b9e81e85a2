package org.pmtriage.read.pml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.pmtriage.event.ExportLocale;

class CreateFileDetailsTest {

    private static final int GENERIC_READ = 0x80000000;
    private static final int OPEN = 1 << 24;
    private static final int OVERWRITE_IF = 5 << 24;
    private static final int NON_DIRECTORY = 0x40;

    private final CreateFileDetails details = new CreateFileDetails(ExportLocale.EN_US);

    @Test
    void theSameFieldsGiveTheSameInstanceAndTheFormattedText() {
        String first = details.text(GENERIC_READ, OPEN | NON_DIRECTORY, 0x80, 3, 0, null, 1);
        assertEquals(PmlDetails.createFile(ExportLocale.EN_US, GENERIC_READ, OPEN | NON_DIRECTORY, 0x80, 3, 0, null, 1), first);
        assertSame(first, details.text(GENERIC_READ, OPEN | NON_DIRECTORY, 0x80, 3, 0, null, 1));
    }

    @Test
    void anAllocationSizeTheDetailDoesNotShowDoesNotMatter() {
        String first = details.text(GENERIC_READ, OPEN, 0, 1, 4096, null, 1);
        assertSame(first, details.text(GENERIC_READ, OPEN, 0, 1, 8192, null, 1));
    }

    @Test
    void everyFieldTheDetailShowsTellsTextsApart() {
        String base = details.text(GENERIC_READ, OVERWRITE_IF, 0x80, 1, 4096, null, 2);
        String[] others = {
            details.text(0x40000000, OVERWRITE_IF, 0x80, 1, 4096, null, 2),
            details.text(GENERIC_READ, OPEN, 0x80, 1, 4096, null, 2),
            details.text(GENERIC_READ, OVERWRITE_IF | NON_DIRECTORY, 0x80, 1, 4096, null, 2),
            details.text(GENERIC_READ, OVERWRITE_IF, 0x20, 1, 4096, null, 2),
            details.text(GENERIC_READ, OVERWRITE_IF, 0x80, 7, 4096, null, 2),
            details.text(GENERIC_READ, OVERWRITE_IF, 0x80, 1, 8192, null, 2),
            details.text(GENERIC_READ, OVERWRITE_IF, 0x80, 1, 4096, "S-1-5-18", 2),
            details.text(GENERIC_READ, OVERWRITE_IF, 0x80, 1, 4096, null, 1),
            details.text(GENERIC_READ, OVERWRITE_IF, 0x80, 1, 4096, null, -1),
        };
        for (String other : others) {
            assertNotEquals(base, other);
        }
        assertEquals(base, details.text(GENERIC_READ, OVERWRITE_IF, 0x80, 1, 4096, null, 2));
    }

    @Test
    void moreFieldSetsThanRememberedAreEachFormattedRightInTheirLocale() {
        CreateFileDetails spanish = new CreateFileDetails(ExportLocale.ES_ES);
        for (int round = 0; round < 2; round++) {
            for (int share = 0; share < 8; share++) {
                for (int result = -1; result < 20; result++) {
                    assertEquals(PmlDetails.createFile(ExportLocale.ES_ES, GENERIC_READ, OVERWRITE_IF, 0, share, 123_456, "S-1-5-18",
                            result), spanish.text(GENERIC_READ, OVERWRITE_IF, 0, share, 123_456,
                            "S-1-5-18", result));
                    assertEquals(PmlDetails.createFile(ExportLocale.EN_US, GENERIC_READ, OVERWRITE_IF, 0, share, 123_456, null,
                            result), details.text(GENERIC_READ, OVERWRITE_IF, 0, share, 123_456, null, result));
                }
            }
        }
    }
}
