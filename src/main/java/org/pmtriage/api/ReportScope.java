package org.pmtriage.api;

import org.pmtriage.report.HtmlReport;
import org.pmtriage.report.Listing;

/**
 * How much a report lists; what it does not list it counts.
 *
 * <pre>{@code
 * LogAnalysis.of("samples/flaky-build.csv", AnalysisOptions.defaults())
 *         .write(ReportFormat.JSON, ReportScope.ALL, new PrintWriter(System.out));
 * }</pre>
 *
 * @param toldIncidents  error incidents told in full in text, per log ({@link Integer#MAX_VALUE}:
 *                       every incident of any severity)
 * @param allFindings    whether JSON lists every finding and incident, not only errors and warnings
 * @param drawnIncidents error incidents per log drawn in full on the HTML page; the rest are table rows
 */
public record ReportScope(int toldIncidents, boolean allFindings, int drawnIncidents) {

    /** Error incidents told in full in text unless told otherwise. */
    public static final int DEFAULT_TOLD = Listing.DEFAULT_INCIDENTS;
    /** Error incidents drawn on the HTML page unless told otherwise. */
    public static final int DEFAULT_DRAWN = HtmlReport.DEFAULT_DETAILS;
    /** What reports list unless told otherwise. */
    public static final ReportScope DEFAULT = new ReportScope(DEFAULT_TOLD, false, DEFAULT_DRAWN);
    /** Everything ({@code --all}): every incident told, every finding listed. */
    public static final ReportScope ALL = new ReportScope(Integer.MAX_VALUE, true, DEFAULT_DRAWN);

    /**
     * Checks the counts: none negative.
     *
     * @param toldIncidents  as above
     * @param allFindings    as above
     * @param drawnIncidents as above
     */
    public ReportScope {
        if (toldIncidents < 0 || drawnIncidents < 0) {
            throw new IllegalArgumentException("incidents told and drawn must be 0 or more");
        }
    }

    /** @return what the report writers list */
    Listing listing() {
        return new Listing(toldIncidents, allFindings ? Listing.Findings.ALL : Listing.Findings.FOLDED);
    }
}
