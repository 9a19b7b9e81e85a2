package org.pmtriage.event;

import java.util.Objects;

/**
 * An image (EXE or DLL) mapped into a process, as the log lists it: a module of ProcMon's process
 * table (PML, XML {@code <modulelist>}) or a {@code Load Image} event. Strings are never null
 * (empty when the log does not carry them).
 *
 * @param base        the address the image is mapped at
 * @param size        the mapped size in bytes, or 0 when unknown
 * @param path        the image's full path
 * @param version     the image's file version, as the log writes it
 * @param company     the company of the image's version resource
 * @param description the description of the image's version resource
 */
public record Module(long base, long size, String path, String version, String company, String description) {

    public Module {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(description, "description");
    }

    /** @return whether {@code address} lies inside this module (never when its size is unknown) */
    public boolean contains(long address) {
        return Long.compareUnsigned(address, base) >= 0 && Long.compareUnsigned(address - base, size) < 0;
    }

    /** @return the image's file name, the part of the path after the last backslash */
    public String fileName() {
        return path.substring(path.lastIndexOf('\\') + 1);
    }
}
