package org.pmtriage.robust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The full-size hostile inputs of issue 15, each a small gzip file: for {@code MemoryBudgetTest}
 * and, written all at once by {@link #main}, for {@code bench/hostile-rss.sh}.
 */
public final class HostileShapes {

    /** Where a blob goes in an XML export: attributes, an element name, a comment before the root. */
    static final String[][] XML_MARKUP = {
        {"<procmon>", "<procmon a=\"", "\">"},
        {"<eventlist>", "<eventlist a=\"", "\">"},
        {"<processlist>", "<processlist a=\"", "\">"},
        {"<process>", "<process a=\"", "\">"},
        {"<procmon>", "<procmon><", "/>"},
        {"<procmon>", "<!--", "-->\r\n<procmon>"},
    };

    private HostileShapes() {
    }

    /** Writes every shape into the folder {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        csvHugePaths(dir.resolve("csv-huge-paths.csv.gz"), 16, 15_000_000);
        for (int i = 0; i < XML_MARKUP.length; i++) {
            xmlMarkup(dir.resolve("xml-markup-" + i + ".xml.gz"), XML_MARKUP[i], 300_000_000L);
        }
        xmlManyProcesses(dir.resolve("xml-many-processes.xml.gz"), 2_000_000);
        xmlHugeCommandLines(dir.resolve("xml-huge-command-lines.xml.gz"), 40, 4_000_000);
        pmlOneHugeString(dir.resolve("pml-one-huge-string.pml.gz"), 33_000_000);
    }

    /** @return {@code file}: a CSV of {@code records} files opened and closed, each path {@code chars} characters */
    static Path csvHugePaths(Path file, int records, int chars) throws IOException {
        return Hostile.gzipFile(file, out -> {
            Hostile.text(out, Csv.HEADER + "\r\n");
            for (int i = 0; i < records; i++) {
                String op = i % 2 == 0 ? "CreateFile" : "CloseFile";
                Hostile.text(out, "\"1:12:21." + (1000000 + i) + " PM\",\"python.exe\",\"4312\",\"" + op + "\",\"C:\\" + i);
                Hostile.repeat(out, "x", chars);
                Hostile.text(out, "\",\"SUCCESS\",\"\"\r\n");
            }
        });
    }

    /** @return {@code file}: the XML story with a {@code bytes}-long blob put in as {@code shape} says */
    static Path xmlMarkup(Path file, String[] shape, long bytes) throws IOException {
        String story = XmlStory.text();
        int at = story.indexOf(shape[0]);
        return Hostile.gzipFile(file, out -> {
            Hostile.text(out, story.substring(0, at) + shape[1]);
            Hostile.repeat(out, "x", bytes);
            Hostile.text(out, shape[2] + story.substring(at + shape[0].length()));
        });
    }

    /** @return the byte offset of the blob's construct in {@link #xmlMarkup} */
    static int markupStart(String[] shape) {
        return XmlStory.text().indexOf(shape[0]) + shape[1].lastIndexOf('<');
    }

    /** @return {@code file}: the XML story whose process list starts with {@code count} more entries */
    static Path xmlManyProcesses(Path file, int count) throws IOException {
        return xmlWithProcesses(file, out -> {
            StringBuilder entries = new StringBuilder();
            for (int i = 1000; i < 1000 + count; i++) {
                entries.append("<process><ProcessIndex>").append(i).append("</ProcessIndex><ProcessId>").append(i)
                        .append("</ProcessId><ProcessName>a.exe</ProcessName></process>\r\n");
                if (entries.length() > 1 << 16) {
                    Hostile.text(out, entries.toString());
                    entries.setLength(0);
                }
            }
            Hostile.text(out, entries.toString());
        });
    }

    /** @return {@code file}: the XML story whose process list starts with {@code count} entries of huge command lines */
    static Path xmlHugeCommandLines(Path file, int count, int chars) throws IOException {
        return xmlWithProcesses(file, out -> {
            for (int i = 1000; i < 1000 + count; i++) {
                Hostile.text(out, "<process><ProcessIndex>" + i + "</ProcessIndex><ProcessId>" + i
                        + "</ProcessId><ProcessName>a.exe</ProcessName><CommandLine>");
                Hostile.repeat(out, "x", chars);
                Hostile.text(out, "</CommandLine></process>\r\n");
            }
        });
    }

    private static Path xmlWithProcesses(Path file, Hostile.Body entries) throws IOException {
        String story = XmlStory.text();
        int at = story.indexOf("<processlist>") + "<processlist>".length();
        return Hostile.gzipFile(file, out -> {
            Hostile.text(out, story.substring(0, at));
            entries.write(out);
            Hostile.text(out, story.substring(at));
        });
    }

    /** @return {@code file}: a PML whose string-table entries all point at one string of {@code chars} characters */
    static Path pmlOneHugeString(Path file, int chars) throws IOException {
        return Hostile.gzipFile(file, out -> PmlShapes.oneHugeString(out, chars));
    }
}
