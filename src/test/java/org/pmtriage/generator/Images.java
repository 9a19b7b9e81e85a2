package org.pmtriage.generator;

import java.util.Objects;

/**
 * What a capture tells about the code behind its processes.
 *
 * @param driver   the Python running the driver
 * @param recorded whether processes carry their image's version, company and description and a
 *                 module list ({@link ImageCatalog}), and events a call stack through those
 *                 modules ({@link CodePaths}), as a PML or an XML export with stacks does; off,
 *                 the capture is the one of before these existed
 */
public record Images(DriverRuntime driver, boolean recorded) {

    /** CPython 2.7, nothing recorded: the captures of before. */
    public static final Images NONE = new Images(DriverRuntime.PYTHON27, false);

    public Images {
        Objects.requireNonNull(driver, "driver");
    }
}
