package org.pmtriage.api;

import org.pmtriage.event.Printable;

/**
 * The one line shown for a failure that is not the input's fault: the heap ran out, or pmtriage
 * itself went wrong. Never a stack trace ({@code --debug} adds one).
 *
 * <pre>{@code
 * try {
 *     LogAnalysis.of("huge.pml", AnalysisOptions.defaults());
 * } catch (LogFormatException e) {
 *     System.err.println(e.getMessage());            // huge.pml:byte 0x1f40: what was wrong
 * } catch (RuntimeException | OutOfMemoryError e) {
 *     System.err.println(Failure.describe(e));       // out of memory: the Java heap (...) is full; ...
 * }
 * }</pre>
 */
public final class Failure {

    private static final long MIB = 1 << 20;

    private Failure() {
    }

    /**
     * The line for anything thrown that is not a {@code LogFormatException}
     * ({@code System.err.println("my-plugin: " + Failure.describe(e))}).
     *
     * @param e what was thrown
     * @return one printable line saying what happened and what to do
     */
    public static String describe(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "out of memory: the Java heap (" + Runtime.getRuntime().maxMemory() / MIB + " MiB) is full;"
                    + " give it more with JAVA_OPTS=-Xmx2g (docs/robustness.md lists the budgets)";
        }
        if (e instanceof StackOverflowError) {
            return "internal error: stack overflow (run with --debug for details)";
        }
        String text = String.valueOf(e);
        int end = text.indexOf('\n');
        return Printable.of("internal error: " + (end < 0 ? text : text.substring(0, end))
                + " (run with --debug for details)");
    }
}
