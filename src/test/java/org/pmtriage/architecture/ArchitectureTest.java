package org.pmtriage.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * The layers hold in the code, and each rule fails on a small tree that breaks it
 * ({@code architecture.fixture}), so that no rule passes for want of classes to look at.
 */
class ArchitectureTest {

    private static final String ROOT = "org.pmtriage";
    private static final String FIXTURE = "org.pmtriage.architecture.fixture";

    private static final JavaClasses CODE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    private static final JavaClasses BROKEN = new ClassFileImporter().importPackages(FIXTURE);

    static Stream<String> rules() {
        return Layers.under(ROOT).keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theCodeKeepsTheRule(String rule) {
        EvaluationResult result = Layers.under(ROOT).get(rule).evaluate(CODE);
        assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theRuleFailsWhereTheFixtureBreaksIt(String rule) {
        EvaluationResult result = Layers.under(FIXTURE).get(rule).evaluate(BROKEN);
        assertTrue(result.hasViolation(), rule + " found no violation in " + FIXTURE);
        String offender = switch (rule) {
            case "readers know nothing above them" -> "fixture.read.csv.Format";
            case "the contract is the bottom of reading" -> "fixture.read.Contract";
            case "internals use nothing above them", "reading packages form no cycle" -> "fixture.read.internal.Shared";
            case "formats never use the entry" -> "fixture.read.csv.Format";
            case "analysis knows no format" -> "fixture.analysis.Analysis";
            case "reports know no format nor cli" -> "fixture.report.Report";
            default -> throw new AssertionError("no fixture named for " + rule);
        };
        String report = result.getFailureReport().toString();
        assertTrue(report.contains(offender), report);
    }
}
