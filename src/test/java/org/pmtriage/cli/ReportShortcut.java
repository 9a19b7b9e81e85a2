package org.pmtriage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.pmtriage.report.JsonReport;

/** A cli class that breaks the layering on purpose, for {@link CliUsesApiTest} to catch: it calls a report writer itself. */
final class ReportShortcut {

    private ReportShortcut() {
    }

    static ObjectMapper mapper() {
        return JsonReport.mapper();
    }
}
