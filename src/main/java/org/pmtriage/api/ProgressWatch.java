package org.pmtriage.api;

/**
 * Told how far a pass over one log has read, e.g. to draw a progress bar; closed when the pass ends.
 *
 * <pre>{@code
 * AnalysisOptions options = AnalysisOptions.defaults()
 *         .withProgress(log -> new ProgressWatch() {
 *             public void update(long bytesRead) { System.err.print("\r" + log + ": " + bytesRead + " bytes"); }
 *             public void close() { System.err.println(); }
 *         });
 * }</pre>
 */
public interface ProgressWatch extends AutoCloseable {

    /**
     * Called once per event; keep it cheap.
     *
     * @param bytesRead bytes of the input read so far, or -1 when unknown
     */
    void update(long bytesRead);

    /** The pass has ended. */
    @Override
    void close();

    /**
     * @return a watch that shows nothing
     *         (<code>AnalysisOptions.defaults().withProgress(log -&gt; ProgressWatch.none())</code>)
     */
    static ProgressWatch none() {
        return Silent.INSTANCE;
    }

    /** The watch that shows nothing. */
    enum Silent implements ProgressWatch {
        /** The one instance. */
        INSTANCE;

        @Override
        public void update(long bytesRead) {
            // nothing to show
        }

        @Override
        public void close() {
            // nothing to close
        }
    }
}
