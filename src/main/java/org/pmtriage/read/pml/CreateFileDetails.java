package org.pmtriage.read.pml;

import java.util.Objects;

import org.pmtriage.event.ExportLocale;

/**
 * The Detail texts of CreateFile events, one {@code String} per distinct set of the binary fields
 * it is made from, for the fields met lately: a capture opens its files with a handful of distinct
 * Details, and formatting each event's anew costs the reader an allocation per event and the
 * analysis a comparison of fresh text. Direct-mapped: fields not remembered are formatted again.
 */
final class CreateFileDetails {

    /** Field sets remembered; a power of two. */
    private static final int SLOTS = 64;

    private final ExportLocale locale;
    /** Per slot: desired access and disposition/options, then attributes, share mode and open result. */
    private final long[] fields = new long[2 * SLOTS];
    /** Per slot: the allocation size when the Detail shows it, else 0 (the disposition, in the fields, decides). */
    private final long[] allocations = new long[SLOTS];
    private final String[] sids = new String[SLOTS];
    private final String[] texts = new String[SLOTS];

    CreateFileDetails(ExportLocale locale) {
        this.locale = locale;
    }

    /**
     * @return the Detail {@link PmlDetails#createFile} gives for these fields, the same instance as
     *         for the last event with the same fields when they are still remembered
     */
    String text(int desiredAccess, int dispositionAndOptions, int attributes, int shareMode, long allocationSize, String sid,
                int openResult) {
        long access = (long) desiredAccess << 32 | Integer.toUnsignedLong(dispositionAndOptions);
        long rest = (long) (attributes & 0xffff) << 48 | (long) (shareMode & 0xffff) << 32 | Integer.toUnsignedLong(openResult);
        long allocation = PmlDetails.showsAllocation(dispositionAndOptions >>> 24) ? allocationSize : 0;
        long h = (access ^ rest * 0x9E3779B97F4A7C15L ^ allocation) * 0xC2B2AE3D27D4EB4FL;
        int slot = (int) (h >>> 58) & (SLOTS - 1);
        String text = texts[slot];
        if (text != null && fields[2 * slot] == access && fields[2 * slot + 1] == rest && allocations[slot] == allocation
                && Objects.equals(sids[slot], sid)) {
            return text;
        }
        text = PmlDetails.createFile(locale, desiredAccess, dispositionAndOptions, attributes, shareMode, allocationSize, sid,
                openResult);
        fields[2 * slot] = access;
        fields[2 * slot + 1] = rest;
        allocations[slot] = allocation;
        sids[slot] = sid;
        texts[slot] = text;
        return text;
    }
}
