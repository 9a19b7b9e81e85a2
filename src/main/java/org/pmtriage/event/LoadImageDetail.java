package org.pmtriage.event;

import java.util.Optional;

/**
 * The module a {@code Load Image} event maps: its Path is the image, its Detail reads
 * {@code Image Base: 0x7ffa744e0000, Image Size: 0x204000} in every export locale and in PML
 * alike. What a CSV export, which has no process table, says of a process's modules.
 */
public final class LoadImageDetail {

    private static final String BASE = "Image Base: ";
    private static final String SIZE = "Image Size: ";

    private LoadImageDetail() {
    }

    /**
     * @param event any event
     * @return the module a successful Load Image event maps, with no version, company or
     *         description (the event carries none); empty for other events, a Detail that names
     *         no base, or an empty Path
     */
    public static Optional<Module> module(Event event) {
        if (event.operation() != Operation.LOAD_IMAGE || event.path().isEmpty()) {
            return Optional.empty();
        }
        return module(event.path(), event.detail());
    }

    /**
     * Parses a Load Image Detail; never throws.
     *
     * @param path   the event's Path, the image's
     * @param detail its Detail
     * @return the module, of size 0 when the Detail names a base but no size; empty without a base
     */
    public static Optional<Module> module(String path, String detail) {
        long base = hex(detail, BASE);
        if (base == -1) {
            return Optional.empty();
        }
        long size = hex(detail, SIZE);
        return Optional.of(new Module(base, Math.max(size, 0), path, "", "", ""));
    }

    /**
     * @return the hexadecimal number after {@code label}, with or without {@code 0x}, or -1 when
     *         there is none (or it exceeds 16 digits)
     */
    private static long hex(String detail, String label) {
        int at = detail.indexOf(label);
        if (at < 0) {
            return -1;
        }
        int from = at + label.length();
        if (detail.startsWith("0x", from) || detail.startsWith("0X", from)) {
            from += 2;
        }
        // one pass: the digits are read as they are found (16 of them fill the long, unsigned)
        long value = 0;
        int end = from;
        int digit;
        while (end < detail.length() && end - from <= 16 && (digit = Character.digit(detail.charAt(end), 16)) >= 0) {
            value = value << 4 | digit;
            end++;
        }
        if (end == from || end - from > 16) {
            return -1;
        }
        return value;
    }
}
