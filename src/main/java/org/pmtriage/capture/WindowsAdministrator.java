package org.pmtriage.capture;

import java.io.IOException;

/**
 * Whether this process may load ProcMon's driver. {@code fltmc} (the filter manager's tool, present
 * on every Windows since Vista) lists minifilters only for an elevated administrator, so its exit
 * code tells. Windows only; not testable on the build machines.
 */
public final class WindowsAdministrator {

    private WindowsAdministrator() {
    }

    /** @return whether {@code fltmc} ran and succeeded */
    public static boolean check() {
        try {
            Process p = new ProcessBuilder("fltmc").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
