package org.pmtriage.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.LinkedHashMap;
import java.util.Map;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The layer rules of the code base, written once for a root package: {@code org.pmtriage} for
 * the code itself, a fixture root for the tree that breaks each of them on purpose. Reading is
 * layered bottom up: the contract ({@code read}), the shared internals ({@code read.internal}),
 * one package per format ({@code read.csv}, {@code read.pml}, {@code read.xml}), the entry
 * ({@code read.open}).
 */
final class Layers {

    private Layers() {
    }

    /**
     * @param root the package the layers sit in
     * @return the rules by name, in a fixed order
     */
    static Map<String, ArchRule> under(String root) {
        String read = root + ".read";
        String[] formats = {read + ".csv..", read + ".pml..", read + ".xml.."};
        String[] readersAndEntry = {read + ".internal..", read + ".csv..", read + ".pml..", read + ".xml..",
                read + ".open.."};
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        rules.put("readers know nothing above them", noClasses().that().resideInAPackage(read + "..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".analysis..", root + ".incident..",
                        root + ".report..", root + ".cli..", root + ".capture..")
                .as("readers (" + read + "..) never use analysis, incident, report, cli or capture"));
        rules.put("the contract is the bottom of reading", noClasses().that().resideInAPackage(read)
                .should().dependOnClassesThat().resideInAnyPackage(readersAndEntry)
                .as("the reading contract (" + read + ") uses no reader, internal or entry"));
        rules.put("internals use nothing above them", noClasses().that().resideInAPackage(read + ".internal..")
                .should().dependOnClassesThat().resideInAnyPackage(read + ".csv..", read + ".pml..", read + ".xml..",
                        read + ".open..")
                .as("reading internals never use a format reader or the entry"));
        rules.put("formats never use the entry", noClasses().that().resideInAnyPackage(formats)
                .should().dependOnClassesThat().resideInAPackage(read + ".open..")
                .as("format readers never use the entry (" + read + ".open)"));
        rules.put("reading packages form no cycle", slices().assignedFrom(packagesUnder(read))
                .should().beFreeOfCycles()
                .as("the packages of " + read + " form no cycle"));
        rules.put("analysis knows no format", noClasses().that().resideInAPackage(root + ".analysis..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(readersAndEntry, root + ".report..",
                        root + ".cli.."))
                .as("analysis never uses a reader, reading internals, report or cli"));
        rules.put("reports know no format nor cli", noClasses().that().resideInAPackage(root + ".report..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(readersAndEntry, root + ".cli.."))
                .as("reports never use cli, a reader or reading internals"));
        return rules;
    }

    /** Each package of {@code read} and below a slice of its own; everything else left out. */
    private static SliceAssignment packagesUnder(String read) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                return pkg.equals(read) || pkg.startsWith(read + ".") ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "packages of " + read;
            }
        };
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
