package org.pmtriage.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles example code against the test class path, as a script's author would. */
final class Javac {

    private Javac() {
    }

    /**
     * @param source  a Java source file
     * @param classes where its classes go
     * @param what    what the source is, for the failure message
     */
    static void compile(Path source, Path classes, String what) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(diagnostics, null, null,
                List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString()), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(source.toFile()))
                .call();
        assertTrue(compiled, what + " does not compile:\n" + diagnostics);
    }
}
