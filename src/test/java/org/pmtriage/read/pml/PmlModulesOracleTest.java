package org.pmtriage.read.pml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pmtriage.SharedSamples;
import org.pmtriage.event.Event;
import org.pmtriage.event.ExportColumns;
import org.pmtriage.event.LoadImageDetail;
import org.pmtriage.event.Module;
import org.pmtriage.event.Operation;
import org.pmtriage.event.ProcessColumns;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.read.Decoding;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.open.LogReaders;
import org.pmtriage.read.ReadOptions;

/**
 * The PML's process table against ProcMon's own CSV export of the same capture, both read at the
 * analysis's decoding level: every module a CSV {@code Load Image} row maps is listed in the
 * table, under a process of that PID, at the same base and size with the same path; the Load
 * Image Details agree; and where the export has the process columns (Company, Version, ...), each
 * row's equal the table's for the event's process.
 */
class PmlModulesOracleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            procmon-parser/win10x64-process.pml | procmon-parser/win10x64-process.csv | UTC           | 1952 | true
            procmon-parser/win7x86-mixed.pml    | procmon-parser/win7x86-mixed.csv    | UTC           | 113  | true
            prsp0007-samples/Logfile.PML        | prsp0007-samples/Logfile.CSV        | Europe/Madrid | 120  | false
            """)
    void csvLoadImagesAndProcessColumnsMatchThePmlTable(String pml, String csv, String zone, int loadImages,
                                                        boolean processColumns) throws IOException {
        ReadOptions analysis = ReadOptions.defaults().withDecoding(Decoding.ANALYSIS);
        ReadOptions pmlOptions = new ReadOptions(analysis.policy(), w -> { }, ZoneId.of(zone), false, false)
                .withDecoding(Decoding.ANALYSIS);
        int modulesMatched = 0;
        int columnsMatched = 0;
        try (EventReader p = LogReaders.open(SharedSamples.require(pml).toString(), pmlOptions);
             EventReader c = LogReaders.open(SharedSamples.require(csv).toString(), analysis)) {
            Map<Integer, ProcessInfo> byIndex = new HashMap<>();
            Map<Integer, List<Module>> modulesByPid = new HashMap<>();
            for (ProcessInfo info : p.processes()) {
                byIndex.put(info.processIndex(), info);
                modulesByPid.computeIfAbsent(info.pid(), k -> new ArrayList<>()).addAll(info.modules());
            }
            while (p.hasNext() && c.hasNext()) {
                Event fromPml = p.next();
                Event fromCsv = c.next();
                String where = csv + " record " + fromCsv.record();
                assertEquals(fromCsv.operationName(), fromPml.operationName(), where);
                if (fromCsv.operation() == Operation.LOAD_IMAGE) {
                    assertEquals(fromCsv.detail(), fromPml.detail(), where + ": the Load Image Detail");
                    Optional<Module> loaded = LoadImageDetail.module(fromCsv);
                    assertTrue(loaded.isPresent(), where + ": " + fromCsv.detail());
                    Module m = loaded.get();
                    assertTrue(modulesByPid.getOrDefault(fromCsv.pid(), List.of()).stream().anyMatch(t -> t.base() == m.base()
                            && t.size() == m.size() && t.path().equals(m.path())), where + ": " + m + " not in the table");
                    modulesMatched++;
                }
                if (processColumns) {
                    assertTrue(fromCsv.columns() != ExportColumns.NONE, where);
                    ProcessColumns table = byIndex.get(fromPml.processIndex()).columns();
                    assertEquals(table, fromCsv.columns().process(), where + ": the process columns");
                    columnsMatched++;
                } else {
                    assertEquals(ExportColumns.NONE, fromCsv.columns(), where + ": a 7-column export has none");
                }
            }
            assertFalse(p.hasNext() || c.hasNext(), "one log has more events");
        }
        assertEquals(loadImages, modulesMatched);
        assertTrue(!processColumns || columnsMatched > 1000, "compared " + columnsMatched);
    }
}
