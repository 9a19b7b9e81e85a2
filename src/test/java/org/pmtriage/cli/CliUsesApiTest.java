package org.pmtriage.cli;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.pmtriage.read.BadRecordPolicy;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.ReadOptions;

/**
 * The command line reaches the analysis, incidents, readers and reports only through
 * {@code org.pmtriage.api}: it parses options and calls the API. From {@code read} it may name the
 * reading options and the unreadable-input exception, which the API takes and throws.
 */
class CliUsesApiTest {

    private static final ArchRule CLI_USES_API = noClasses().that().resideInAPackage("org.pmtriage.cli..")
            .should().dependOnClassesThat(resideInAnyPackage("org.pmtriage.analysis..", "org.pmtriage.incident..",
                    "org.pmtriage.report..", "org.pmtriage.read..")
                    .and(not(belongToAnyOf(ReadOptions.class, BadRecordPolicy.class, LogFormatException.class))))
            .because("commands only parse options and call org.pmtriage.api");

    @Test
    void cliDependsOnlyOnTheApi() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.pmtriage");
        assertTrue(main.stream().anyMatch(c -> c.getPackageName().equals("org.pmtriage.cli")),
                "no cli class imported: the rule would pass without checking anything");
        CLI_USES_API.check(main);
    }

    @Test
    void aCommandThatWritesAReportItselfBreaksTheRule() {
        JavaClasses shortcut = new ClassFileImporter().importClasses(ReportShortcut.class);

        EvaluationResult result = CLI_USES_API.evaluate(shortcut);

        assertTrue(result.hasViolation(), "a cli class calling report.JsonReport passed the rule");
        assertFalse(result.getFailureReport().getDetails().isEmpty());
        assertTrue(String.join("\n", result.getFailureReport().getDetails()).contains("JsonReport"),
                result.getFailureReport().toString());
    }
}
