package org.pmtriage.event;

import java.util.Objects;

/**
 * What ProcMon's process table says about a process beyond {@link ProcessInfo}, for the columns
 * of the same names in an export. Strings are never null (empty when unknown).
 *
 * @param user             the User column, {@code DOMAIN\\user}
 * @param integrity        the Integrity column ({@code Medium}, {@code System}, ...)
 * @param company          the Company column (from the image's version resource)
 * @param description      the Description column
 * @param version          the Version column
 * @param authenticationId the logon session's LUID, high half first, or {@link #UNKNOWN_LUID}
 * @param session          the Session column, or {@link Event#UNKNOWN}
 * @param virtualized      whether the Virtualized column says True
 * @param is64Bit          whether the Architecture column says 64-bit
 */
public record ProcessColumns(String user, String integrity, String company, String description, String version,
                             long authenticationId, int session, boolean virtualized, boolean is64Bit) {

    /** Value of {@link #authenticationId()} when unknown. */
    public static final long UNKNOWN_LUID = Long.MIN_VALUE;

    /** A process the log says nothing more about. */
    public static final ProcessColumns NONE = new ProcessColumns("", "", "", "", "", UNKNOWN_LUID, Event.UNKNOWN,
            false, false);

    public ProcessColumns {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(integrity, "integrity");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(version, "version");
    }
}
