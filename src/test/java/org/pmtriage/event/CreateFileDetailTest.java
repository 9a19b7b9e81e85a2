package org.pmtriage.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CreateFileDetailTest {

    @Test
    void splitsByKnownKeysAlthoughValuesHoldCommas() {
        CreateFileDetail d = CreateFileDetail.parse("Desired Access: Generic Write, Read Attributes, Disposition: "
                + "OverwriteIf, Options: Synchronous IO Non-Alert, Non-Directory File, Attributes: N, ShareMode: "
                + "Read, Write, AllocationSize: 0, Impersonating: CORP\\builder, OpenResult: Created");
        assertEquals("Generic Write, Read Attributes", d.desiredAccess());
        assertEquals("OverwriteIf", d.disposition());
        assertEquals("Synchronous IO Non-Alert, Non-Directory File", d.options());
        assertEquals("N", d.attributes());
        assertEquals("Read, Write", d.shareMode());
        assertEquals("Created", d.openResult());
        assertTrue(d.writes());
        assertEquals(CreateFileDetail.WRITE, d.accessBits());
        assertEquals(CreateFileDetail.READ | CreateFileDetail.WRITE, d.shareBits());
    }

    @Test
    void missingKeysAreEmptyAndNothingThrows() {
        CreateFileDetail d = CreateFileDetail.parse("Desired Access: Read Data/List Directory, Synchronize");
        assertEquals("Read Data/List Directory, Synchronize", d.desiredAccess());
        assertEquals("", d.shareMode());
        assertEquals("", d.openResult());
        assertFalse(d.writes());
        assertEquals(CreateFileDetail.parse(""), new CreateFileDetail("", "", "", "", "", ""));
    }

    @Test
    void sharingRulesDecideConflicts() {
        CreateFileDetail writerSharingRead = CreateFileDetail.parse(
                "Desired Access: Generic Write, Disposition: Create, ShareMode: Read, OpenResult: Created");
        CreateFileDetail reader = CreateFileDetail.parse(
                "Desired Access: Generic Read, Disposition: Open, ShareMode: Read, Write");
        CreateFileDetail exclusiveReader = CreateFileDetail.parse(
                "Desired Access: Generic Read, Disposition: Open, ShareMode: Read");
        CreateFileDetail attributesOnly = CreateFileDetail.parse(
                "Desired Access: Read Attributes, Disposition: Open, ShareMode: None");
        assertFalse(writerSharingRead.conflictsWith(reader));
        assertTrue(writerSharingRead.conflictsWith(exclusiveReader), "the reader does not share write");
        assertFalse(writerSharingRead.conflictsWith(attributesOnly), "attribute access is not shared access");
    }
}
