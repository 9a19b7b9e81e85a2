package org.pmtriage.read.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pmtriage.event.Event;
import org.pmtriage.read.BadRecordPolicy;
import org.pmtriage.read.Decoding;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.ReadOptions;

/**
 * The plain path reads what it takes exactly as Aalto does, and gives up on everything else:
 * each document is read on the caller's thread by Aalto alone and in pieces, where plain pieces
 * go through {@link PlainEventCursor}, and the two reads must agree.
 */
class PlainEventCursorTest {

    private static final String HEAD = "<event>\n<ProcessIndex>1</ProcessIndex>\n<Time_of_Day>10:00:00.1234567</Time_of_Day>\n"
            + "<Process_Name>a.exe</Process_Name>\n<PID>12</PID>\n<Operation>CreateFile</Operation>\n";
    private static final String TAIL = "<Result>SUCCESS</Result>\n<Detail>Desired Access: Generic Read</Detail>\n</event>\n";

    @ParameterizedTest
    @ValueSource(strings = {
        "<Path>C:\\a.txt</Path>\n",
        "<Path>C:\\R&amp;D\\&lt;x&gt; &quot;q&quot; &apos;s&apos; -&gt; ]]</Path>\n",
        "<Path>C:\\Пользователи\\файл.txt</Path>\n",
        "<Path>D:\\ビルド\\出力 \uD83D\uDE00.obj</Path>\n",
        "<Path>C:\\line\r\nbreak\rand\nmore</Path>\r\n",
        "<Path>C:\\&#65;&#x42;&#x1F600;</Path>\n<Detail>Environment: &#13;;\tA=1&#13;&#10;&#9;</Detail>\n",
        "<Path/>\n",
        "<Path></Path>\n<Category>File System</Category>\n<Duration>0.0000123</Duration>\n",
        "<Path>C:\\a</Path>\n<stack>\n<frame>\n<depth>0</depth>\n<address>0xfffff80</address>\n"
            + "<path>C:\\Windows\\System32\\ntdll.dll</path>\n</frame>\n</stack>\n",
        "<Path>C:\\a</Path>\n<TID>88</TID>\n<Parent_PID>4</Parent_PID>\n<Command_Line>a.exe /x &quot;y&quot;</Command_Line>\n"
            + "<Image_Path>C:\\a.exe</Image_Path>\n"})
    void plainEventsReadAsAaltoReadsThem(String path) throws IOException {
        String event = HEAD + path + TAIL;
        byte[] piece = (event + event.replace("a.exe", "b.exe")).getBytes(StandardCharsets.UTF_8);
        for (Decoding decoding : Decoding.values()) {
            assertNotNull(PlainEventCursor.events(piece, piece.length, decoding), "plain: " + path);
        }
        assertSameAsAalto(doc(new String(piece, StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<Path><!-- c -->C:\\a</Path>\n",
        "<Path><![CDATA[C:\\a]]></Path>\n",
        "<Path>C:\\&#0;</Path>\n",
        "<Path>C:\\&#xD800;</Path>\n",
        "<Path>C:\\&#X41;</Path>\n",
        "<Path kind=\"file\">C:\\a</Path>\n",
        "<Path>C:\\a</Path >\n",
        "<Path>C:\\a</Path>\ntext between\n",
        "<Path>C:\\a<b/></Path>\n",
        "<Path>C:\\a]]>b</Path>\n",
        "<Path>C:\\a&unknown;</Path>\n",
        "<Path>C:\\a\u0001</Path>\n",
        "<x:Path>C:\\a</x:Path>\n",
        "<Path>C:\\a</Path>\n<?pi x?>\n"})
    void anythingElseGoesToAalto(String path) throws IOException {
        String event = HEAD + path + TAIL;
        byte[] piece = event.getBytes(StandardCharsets.UTF_8);
        assertNull(PlainEventCursor.events(piece, piece.length, Decoding.FULL), path);
        assertSameAsAalto(doc(event));
    }

    @Test
    void malformedUtf8AndMalformedEventsGoToAalto() {
        byte[] event = (HEAD + "<Path>C:\\\u00e9</Path>\n" + TAIL).getBytes(StandardCharsets.UTF_8);
        int at = new String(event, StandardCharsets.ISO_8859_1).indexOf('\u00c3');
        event[at + 1] = 'x';
        assertNull(PlainEventCursor.events(event, event.length, Decoding.FULL));
        byte[] badPid = (HEAD.replace("<PID>12</PID>", "<PID>x12</PID>") + "<Path>C:\\a</Path>\n" + TAIL)
                .getBytes(StandardCharsets.UTF_8);
        assertNull(PlainEventCursor.events(badPid, badPid.length, Decoding.FULL));
        byte[] noPath = (HEAD + TAIL).getBytes(StandardCharsets.UTF_8);
        assertNull(PlainEventCursor.events(noPath, noPath.length, Decoding.FULL));
    }

    @Test
    void damagedDocumentsReadTheSameInPlainPieces() throws IOException {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            events.append(HEAD.replace("12", Integer.toString(100 + i)))
                    .append("<Path>C:\\R&amp;D\\файл ").append(i).append(".txt</Path>\r\n").append(TAIL);
        }
        byte[] original = doc(events.toString());
        Random random = new Random(7);
        for (int round = 0; round < 400; round++) {
            byte[] damaged = original.clone();
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
            assertSameAsAalto(damaged);
        }
    }

    /** Reads with Aalto alone and in small pieces; both must give the same events, skips and outcome. */
    private static void assertSameAsAalto(byte[] xml) throws IOException {
        Outcome aalto = read(xml, 0);
        Outcome pieces = read(xml, 1);
        // Aalto's blocking and non-blocking parsers word some errors differently and may place them at
        // different columns: the line must agree
        assertEquals(line(aalto.failure()), line(pieces.failure()), aalto.failure() + " / " + pieces.failure());
        assertEquals(aalto.events(), pieces.events(), new String(xml, StandardCharsets.UTF_8));
        assertEquals(aalto.skipped(), pieces.skipped());
        assertEquals(aalto.failed(), pieces.failed(), aalto.failure() + " / " + pieces.failure());
    }

    private static String line(String failure) {
        return failure.replaceFirst("^(t\\.xml:\\d+):.*", "$1");
    }

    private record Outcome(List<Event> events, long skipped, boolean failed, String failure) {
    }

    private static Outcome read(byte[] xml, int threads) throws IOException {
        List<Event> events = new ArrayList<>();
        ReadOptions options = ReadOptions.defaults().withPolicy(BadRecordPolicy.SKIP).withWarnings(w -> { });
        XmlEventReader reader = null;
        try {
            reader = new XmlEventReader(new ByteArrayInputStream(xml), "t.xml", options, null, threads, 256);
            reader.forEachRemaining(events::add);
            return new Outcome(events, reader.skippedRecords(), false, "");
        } catch (LogFormatException e) {
            return new Outcome(events, reader == null ? 0 : reader.skippedRecords(), true, e.getMessage());
        } finally {
            if (reader != null) {
                reader.close();
            }
        }
    }

    private static byte[] doc(String events) {
        return XmlDocs.doc(events).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aDamagedXmlDeclarationIsRefusedInPiecesToo() throws IOException {
        byte[] xml = doc(HEAD + "<Path>C:\\a</Path>\n" + TAIL);
        xml[new String(xml, StandardCharsets.ISO_8859_1).indexOf("version") + 5] = 0x1e;
        Outcome pieces = read(xml, 1);
        assertTrue(pieces.failed());
        assertEquals("t.xml:1", line(pieces.failure()), pieces.failure());
    }

    @Test
    void readsNothingBeyondTheEventlistsPlainForm() {
        byte[] piece = "<notevent>\n</notevent>\n".getBytes(StandardCharsets.UTF_8);
        assertNull(PlainEventCursor.events(piece, piece.length, Decoding.FULL));
        byte[] empty = "\r\n  \n".getBytes(StandardCharsets.UTF_8);
        List<ParsedEvent> none = PlainEventCursor.events(empty, empty.length, Decoding.FULL);
        assertNotNull(none);
        assertFalse(none.iterator().hasNext());
    }
}
