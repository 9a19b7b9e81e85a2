package org.pmtriage.capture;

/**
 * A capture cannot start on this machine as asked: ProcMon is missing, this is not Windows,
 * another ProcMon runs, or the user is not an administrator. The message is one line.
 */
public final class CaptureSetupException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what to do about it */
    public CaptureSetupException(String message) {
        super(message, null, false, false);
    }
}
