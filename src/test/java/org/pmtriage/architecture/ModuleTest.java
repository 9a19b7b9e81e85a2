package org.pmtriage.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmtriage.cli.Main;

/**
 * The module {@code org.pmtriage} exports the packages a JVM program uses and hides the readers'
 * formats and internals, and the tool runs as that module (picocli's reflection, jackson, Aalto,
 * the report's resources), not only from the shaded jar on the class path.
 */
class ModuleTest {

    @Test
    void theModuleExportsTheApiAndHidesTheReadersInside() {
        ModuleDescriptor module = descriptor();
        Set<String> exported = module.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("org.pmtriage.analysis", "org.pmtriage.api", "org.pmtriage.diagnosis",
                "org.pmtriage.event", "org.pmtriage.incident",
                "org.pmtriage.read", "org.pmtriage.read.open", "org.pmtriage.report")), exported);
        assertTrue(Files.isDirectory(classes().resolve("org/pmtriage/read/internal")), "read.internal is in the module");
    }

    @Test
    void theToolRunsAsTheModule(@TempDir Path dir) throws IOException, InterruptedException {
        Path html = dir.resolve("report.html");
        Path out = dir.resolve("report.json");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-p", modulePath(), "-m", "org.pmtriage/org.pmtriage.cli.Main",
                "analyze", "--format", "json", "--html", html.toString(), "samples/parallel-build.xml"));
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(1, p.waitFor(), "exit code: the sample's error findings");
        assertTrue(Files.readString(out).contains("\"schemaVersion\""), Files.readString(out));
        assertTrue(Files.readString(html).contains("parallel-build.xml"));
    }

    /**
     * @return the main classes and the jars of the modules they need, found on the test class path
     *         (only those: the test jars hold automatic modules that split packages)
     */
    private static String modulePath() {
        Map<String, ModuleReference> jars = new HashMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                try {
                    ModuleFinder.of(Path.of(entry)).findAll().forEach(m -> jars.putIfAbsent(m.descriptor().name(), m));
                } catch (FindException notAModule) {
                    // a jar no module can be made of: the tool does not need it
                }
            }
        }
        List<String> path = new ArrayList<>(List.of(classes().toString()));
        Deque<String> wanted = new ArrayDeque<>(List.of("org.pmtriage"));
        Set<String> seen = new HashSet<>();
        while (!wanted.isEmpty()) {
            String name = wanted.pop();
            ModuleDescriptor descriptor = name.equals("org.pmtriage") ? descriptor() : jars.containsKey(name)
                    ? jars.get(name).descriptor() : null;
            if (!seen.add(name) || descriptor == null) {
                continue;
            }
            if (jars.containsKey(name) && !name.equals("org.pmtriage")) {
                path.add(Path.of(jars.get(name).location().orElseThrow()).toString());
            }
            descriptor.requires().stream().filter(r -> !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
                    .map(ModuleDescriptor.Requires::name).forEach(wanted::add);
        }
        return String.join(File.pathSeparator, path);
    }

    private static ModuleDescriptor descriptor() {
        try (InputStream in = Files.newInputStream(classes().resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path classes() {
        try {
            return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
