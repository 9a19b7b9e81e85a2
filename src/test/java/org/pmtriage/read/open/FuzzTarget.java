package org.pmtriage.read.open;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

import org.pmtriage.analysis.AnalysisResult;
import org.pmtriage.analysis.Analyzer;
import org.pmtriage.read.BadRecordPolicy;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.report.HtmlReport;
import org.pmtriage.report.JsonReport;
import org.pmtriage.report.Report;
import org.pmtriage.report.TextReport;

/**
 * What every reader fuzzer checks: any bytes, read under either policy, either yield a report
 * (read, analyzed, written as text, JSON and HTML) or a {@link LogFormatException} whose message is
 * one line starting with the file name; warnings hold no control character either. Anything else
 * thrown is a bug the fuzzer reports.
 */
final class FuzzTarget {

    private FuzzTarget() {
    }

    /** Runs the whole pass over {@code data} under both policies. */
    static void readAnalyzeReport(byte[] data, String name) {
        for (BadRecordPolicy policy : BadRecordPolicy.values()) {
            ReadOptions options = ReadOptions.defaults().withPolicy(policy).withWarnings(FuzzTarget::checkWarning);
            try (EventReader reader = LogReaders.open(new ByteArrayInputStream(data), name, options)) {
                Analyzer analyzer = new Analyzer(Analyzer.DEFAULT_WINDOW, FuzzTarget::checkWarning);
                analyzer.processTable(reader.processes());
                while (reader.hasNext()) {
                    analyzer.accept(reader.next());
                }
                AnalysisResult result = analyzer.finish(reader.skippedRecords());
                Report report = new Report(name, reader.format().label(), result);
                new TextReport(new PrintWriter(Writer.nullWriter())).write(report);
                new HtmlReport(HtmlReport.DEFAULT_DETAILS).write(List.of(report), List.of(),
                        new PrintWriter(Writer.nullWriter()));
                try (var json = JsonReport.mapper().getFactory().createGenerator(Writer.nullWriter())) {
                    JsonReport.write(report, json);
                }
            } catch (LogFormatException e) {
                checkMessage(e.getMessage(), name);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void checkWarning(String warning) {
        if (warning.chars().anyMatch(Character::isISOControl)) {
            throw new AssertionError("warning holds a control character: " + warning);
        }
    }

    private static void checkMessage(String message, String name) {
        if (!message.startsWith(name + ":")) {
            throw new AssertionError("message does not start with the file name: " + message);
        }
        for (int i = 0; i < message.length(); i++) {
            if (Character.isISOControl(message.charAt(i))) {
                throw new AssertionError("message holds a control character: " + message);
            }
        }
    }
}
