package org.pmtriage.diagnosis;

import org.pmtriage.event.Module;

/**
 * The module a {@code Load Image} event maps: its Path, and the base and size its Detail gives
 * ({@code Image Base: 0x7ff6a5b40000, Image Size: 0x1d000}).
 */
public final class LoadImageDetail {

    private static final String BASE = "Image Base: ";
    private static final String SIZE = "Image Size: ";

    private LoadImageDetail() {
    }

    /**
     * @param path   the event's Path
     * @param detail the event's Detail
     * @return the module; base and size 0 when the Detail does not give them
     */
    public static Module module(String path, String detail) {
        return new Module(hex(detail, BASE), hex(detail, SIZE), path, "", "", "");
    }

    /** @return the hexadecimal number after {@code label} (with or without {@code 0x}), or 0 */
    static long hex(String detail, String label) {
        int at = detail.indexOf(label);
        if (at < 0) {
            return 0;
        }
        int start = at + label.length();
        if (detail.startsWith("0x", start) || detail.startsWith("0X", start)) {
            start += 2;
        }
        long value = 0;
        int digits = 0;
        for (int i = start; i < detail.length() && digits < 16; i++, digits++) {
            int d = Character.digit(detail.charAt(i), 16);
            if (d < 0) {
                break;
            }
            value = value << 4 | d;
        }
        return value;
    }
}
