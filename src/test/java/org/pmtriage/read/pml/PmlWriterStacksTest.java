package org.pmtriage.read.pml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmtriage.event.Event;
import org.pmtriage.event.ExportColumns;
import org.pmtriage.event.Module;
import org.pmtriage.event.Operation;
import org.pmtriage.event.ProcessColumns;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.event.Stack;
import org.pmtriage.event.StackFrame;

/**
 * What {@link PmlWriter} writes of modules and stacks, read back byte by byte as PML-FORMAT.md
 * lays them out (sections 2, 4, 5 and 8), independently of the product's reader.
 */
class PmlWriterStacksTest {

    @TempDir
    Path dir;

    private static final Module EXE = new Module(0x1d000000L, 28_160, "C:\\Python27\\python.exe", "2.7.18150.1013",
            "Python Software Foundation", "Python");
    private static final Module DLL = new Module(0x1e000000L, 3_485_696, "C:\\Python27\\python27.dll", "2.7.18150.1013",
            "Python Software Foundation", "Python Core");
    private static final Stack STACK = new Stack(List.of(new StackFrame(0xfffff80036e26839L),
            new StackFrame(0x1e04a3b1L), new StackFrame(0x1d0012a8L)));

    @Test
    void moduleRecordsAndStackFramesLieWhereTheFormatSays() throws IOException {
        ProcessColumns columns = new ProcessColumns("BUILD-07\\ci", "Medium", "Python Software Foundation", "Python",
                "2.7.18150.1013", 0x3a2f1L, 1, false, true);
        ProcessInfo python = new ProcessInfo(7, 4312, 2208, 3, "python.exe", EXE.path(), "python scons.py", 0,
                ProcessInfo.UNKNOWN_TIME, columns, List.of(EXE, DLL));
        ProcessInfo shell = new ProcessInfo(3, 2208, 3344, Event.UNKNOWN, "cmd.exe", "C:\\Windows\\system32\\cmd.exe",
                "cmd", 0, ProcessInfo.UNKNOWN_TIME);
        Event open = new Event(1, 1_000, "python.exe", 4312, 5612, "CreateFile", Operation.of("CreateFile"),
                "C:\\build\\gen\\parser_tab.cpp", Event.SUCCESS, "Desired Access: Generic Write", Event.UNKNOWN, "", "", 7,
                ExportColumns.NONE, STACK);
        Event read = new Event(2, 2_000, "cmd.exe", 2208, 2212, "ReadFile", Operation.of("ReadFile"),
                "C:\\build\\x.txt", Event.SUCCESS, "Offset: 0, Length: 10", Event.UNKNOWN, "", "", 3);
        Path file = dir.resolve("s.pml");
        PmlWriter.write(file, List.of(python, shell), List.of(open, read), 20_000);

        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1, b.getInt(0x08), "is64bit");
        List<String> strings = strings(b, (int) b.getLong(0x258));

        int table = (int) b.getLong(0x250);
        assertEquals(2, b.getInt(table));
        assertEquals(List.of(3, 7), List.of(b.getInt(table + 4), b.getInt(table + 8)), "indexes, ascending");
        int record = table + b.getInt(table + 16);
        assertEquals(List.of(7, 4312), List.of(b.getInt(record), b.getInt(record + 4)));
        assertEquals(0x3a2f1L, b.getLong(record + 0x10), "authentication ID");
        assertEquals(1, b.getInt(record + 0x34), "64-bit process");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            texts.add(strings.get(b.getInt(record + 0x38 + 4 * i)));
        }
        assertEquals(List.of("Medium", "BUILD-07\\ci", "python.exe", EXE.path(), "python scons.py",
                "Python Software Foundation", "2.7.18150.1013", "Python"), texts);
        assertEquals(1, b.get(record + 0x60), "modules inline");
        assertEquals(2, b.getInt(record + 0x60 + 8));
        int module = record + 0x64 + 8;
        List<Module> read64 = new ArrayList<>();
        for (int m = 0; m < 2; m++, module += 2 * 8 + 0x30) {
            read64.add(new Module(b.getLong(module + 8), b.getInt(module + 16), strings.get(b.getInt(module + 20)),
                    strings.get(b.getInt(module + 24)), strings.get(b.getInt(module + 28)), strings.get(b.getInt(module + 32))));
        }
        assertEquals(List.of(EXE, DLL), read64);
        assertEquals(List.of(4 + 8 * 2, 4 + 8 * 2 + 0x6C), List.of(b.getInt(table + 12), b.getInt(table + 16)),
                "cmd.exe's record (no modules, 0x6C bytes) comes first");

        int offsets = (int) b.getLong(0x248);
        int first = b.getInt(offsets);
        assertEquals(3, b.getShort(first + 0x28), "stack depth");
        List<Long> frames = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            frames.add(b.getLong(first + 0x34 + 8 * f));
        }
        assertEquals(STACK.frames().stream().map(StackFrame::address).toList(), frames);
        int detail = b.getInt(first + 0x2C);
        assertEquals(0, b.getInt(first + 0x30), "no extra detail");
        int second = b.getInt(offsets + 5);
        assertEquals(0x34 + 3 * 8 + detail, second - first, "header, frames, detail, then the next event");
        assertEquals(0, b.getShort(second + 0x28), "no stack");
        int extra = b.getInt(second + 0x30);
        assertEquals(extra == 0 ? 0x34 + b.getInt(second + 0x2C) : extra + 2 + b.getShort(second + extra),
                offsets - second, "a ReadFile without frames: header, detail (and extra detail), then the offsets");
    }

    private static List<String> strings(ByteBuffer b, int at) {
        int count = b.getInt(at);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int s = at + b.getInt(at + 4 + 4 * i);
            int size = b.getInt(s);
            String text = new String(b.array(), s + 4, size, StandardCharsets.UTF_16LE);
            out.add(text.isEmpty() ? text : text.substring(0, text.length() - 1));
        }
        return out;
    }
}
