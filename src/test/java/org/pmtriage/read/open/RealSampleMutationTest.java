package org.pmtriage.read.open;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pmtriage.SharedSamples;

/**
 * The CI part of fuzzing from real logs: the head of every log in {@code ../shared/samples-public}
 * (read there, never copied), and a fixed set of random mutations of it (bytes flipped, cut,
 * special bytes inserted, ranges deleted, doubled or zeroed), each through the whole pass under
 * both policies ({@link FuzzTarget}). Deterministic: the same mutations on every run. The
 * coverage-guided fuzzers ({@code *FuzzTest}) go further when run long (docs/robustness.md).
 */
class RealSampleMutationTest {

    private static final int HEAD = 16 * 1024;
    private static final int MUTATIONS = 40;
    private static final byte[][] TOKENS = {
        {'"'}, {','}, {'\r'}, {'\n'}, {0}, {'"', '"', '"'}, {'<'}, {'&'}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        {(byte) 0xFF}, "]]>".getBytes(StandardCharsets.US_ASCII), "<!ENTITY".getBytes(StandardCharsets.US_ASCII),
    };

    /** Every log and configuration file SOURCES.md lists, by name: a missing one is a skipped test, never none. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "cuckoo/procmon.xml",
        "cucsec-first-blood/excel-resaved-improved-log.CSV",
        "epicmine901-epic/Logfile.XML",
        "fskoras-gcc-build/Logfile.CSV",
        "ictkevinmoore-converter/test.PML",
        "jereksel-cloudmirror/Logfile.PML",
        "jtarkington77-phishing/Logfile.CSV",
        "matefoxer-ron-crash/Logfile.PML",
        "noriben/Noriben_09_Apr_13__20_16_13_368000.csv",
        "noriben/Noriben_09_Apr_13__20_16_13_368000.pml",
        "noriben/pmc/ProcmonConfiguration@blob0df988f1.pmc",
        "noriben/pmc/ProcmonConfiguration@blob121dbd4c.pmc",
        "noriben/pmc/ProcmonConfiguration@blob22658c08.pmc",
        "noriben/pmc/ProcmonConfiguration@blob4dc8a22f.pmc",
        "noriben/pmc/ProcmonConfiguration@blobd4fee92d.pmc",
        "noriben/pmc/ProcmonConfiguration_extreme@blob129c4160.pmc",
        "noriben/pmc/ProcmonConfiguration_high@blob0e7881e0.pmc",
        "noriben/pmc/ProcmonConfiguration_medium@blob9ce29cb9.pmc",
        "noriben/pmc/filters_ProcmonConfiguration@blobea83d38d.pmc",
        "noriben/pmc/filters_ProcmonConfiguration_old@blob5fd16730.pmc",
        "procmon-parser/LogFileUTC32Filesystem.PML.gz",
        "procmon-parser/LogFileUTC32Filesystem.csv.gz",
        "procmon-parser/LogFileUTC64Filesystem.PML.gz",
        "procmon-parser/LogFileUTC64Filesystem.csv.gz",
        "procmon-parser/LogFileUTC64Registry.PML.gz",
        "procmon-parser/LogFileUTC64Registry.csv.gz",
        "procmon-parser/LogfileTests64bitUTC.PML.gz",
        "procmon-parser/LogfileTests64bitUTC.csv.gz",
        "procmon-parser/real-config.pmc",
        "procmon-parser/win10x64-process.csv",
        "procmon-parser/win10x64-process.pml",
        "procmon-parser/win7x86-mixed.csv",
        "procmon-parser/win7x86-mixed.pml",
        "prsp0007-samples/Logfile.CSV",
        "prsp0007-samples/Logfile.PML",
        "sre-project/Logfile.CSV",
        "stofte-roslyn/procmon-conf.pmc",
        "tonyrulez-file_dump/Logfile.PML",
        "trustdan-dashboard/Logfile.PML",
    })
    void mutatedHeadOfARealLogIsReadOrRefusedCleanly(String sample) throws IOException {
        Path log = SharedSamples.require(sample);
        byte[] head = head(log);
        String name = log.getFileName().toString();
        FuzzTarget.readAnalyzeReport(head, name);
        Random random = new Random(name.hashCode());
        for (int i = 0; i < MUTATIONS; i++) {
            FuzzTarget.readAnalyzeReport(mutate(head, random), name);
        }
    }

    private static byte[] head(Path log) throws IOException {
        try (InputStream in = Files.newInputStream(log)) {
            return in.readNBytes(HEAD);
        }
    }

    static byte[] mutate(byte[] data, Random random) {
        byte[] b = data.clone();
        if (b.length == 0) {
            return TOKENS[random.nextInt(TOKENS.length)];
        }
        int at = random.nextInt(b.length);
        int span = 1 + random.nextInt(Math.min(256, b.length - at));
        switch (random.nextInt(6)) {
            case 0 -> {
                for (int n = 1 + random.nextInt(8); n > 0; n--) {
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> b = Arrays.copyOf(b, at);
            case 2 -> {
                byte[] token = TOKENS[random.nextInt(TOKENS.length)];
                byte[] out = new byte[b.length + token.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(token, 0, out, at, token.length);
                System.arraycopy(b, at, out, at + token.length, b.length - at);
                b = out;
            }
            case 3 -> {
                byte[] out = new byte[b.length - span];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + span, out, at, b.length - at - span);
                b = out;
            }
            case 4 -> {
                byte[] out = new byte[b.length + span];
                System.arraycopy(b, 0, out, 0, at + span);
                System.arraycopy(b, at, out, at + span, b.length - at);
                b = out;
            }
            default -> Arrays.fill(b, at, at + span, (byte) 0);
        }
        return b;
    }
}
