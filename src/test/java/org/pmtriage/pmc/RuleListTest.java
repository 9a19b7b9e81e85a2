package org.pmtriage.pmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How rules are laid out, and what a malformed rule list or record says. */
class RuleListTest {

    @Test
    void countIsAU32SoMoreThan255RulesSurvive() {
        List<FilterRule> rules = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rules.add(FilterRule.of(Column.PATH, Relation.CONTAINS, RuleAction.EXCLUDE, "x" + i));
        }
        byte[] data = RuleList.encode(rules);
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1, in.get());
        assertEquals(300, in.getInt());
        assertEquals(rules, RuleList.decode(data, "t.pmc", 0));
    }

    @Test
    void oneRuleIsLaidOutFieldByField() {
        byte[] data = RuleList.encode(List.of(FilterRule.of(Column.PID, Relation.IS_NOT, RuleAction.INCLUDE, "4242")));
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1, in.get());
        assertEquals(1, in.getInt());
        assertEquals(40054, in.getInt());
        assertEquals(1, in.getInt(), "relation: is not");
        assertEquals(1, in.get(), "action: include");
        assertEquals(10, in.getInt(), "four UTF-16 characters and the NUL");
        byte[] value = new byte[10];
        in.get(value);
        assertArrayEquals(new byte[] {'4', 0, '2', 0, '4', 0, '2', 0, 0, 0}, value);
        assertEquals(4242, in.getInt(), "the value as a number");
        assertEquals(0, in.getInt());
        assertEquals(0, in.remaining());
    }

    @Test
    void numberIsSetOnlyForAllDigitValuesAndArchitecture() {
        assertEquals(4242, FilterRule.of(Column.PID, Relation.IS, RuleAction.EXCLUDE, "4242").number());
        assertEquals(0, FilterRule.of(Column.PATH, Relation.IS, RuleAction.EXCLUDE, "C:\\4242").number());
        assertEquals(0, FilterRule.of(Column.PID, Relation.IS, RuleAction.EXCLUDE, "").number());
        assertEquals(0, FilterRule.of(Column.PID, Relation.IS, RuleAction.EXCLUDE, "99999999999").number());
        assertEquals(64, FilterRule.of(Column.ARCHITECTURE, Relation.IS, RuleAction.INCLUDE, "64-bit").number());
        assertEquals(32, FilterRule.of(Column.ARCHITECTURE, Relation.IS, RuleAction.INCLUDE, "32-bit").number());
    }

    @Test
    void valuesAreUtf16() {
        String value = "C:\\Bücher\\ビルド\\\uD83D\uDE00.obj";
        byte[] data = RuleList.encode(List.of(FilterRule.of(Column.PATH, Relation.BEGINS_WITH, RuleAction.INCLUDE, value)));
        int size = ByteBuffer.wrap(data, 14, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertEquals(2 * value.length() + 2, size);
        assertEquals(value, RuleList.decode(data, "t.pmc", 0).get(0).value());
    }

    @Test
    void anEmptyValueHasNoNulAsProcMonWritesIt() {
        byte[] data = RuleList.encode(List.of(FilterRule.of(Column.PATH, Relation.IS, RuleAction.EXCLUDE, "")));
        assertEquals(0, ByteBuffer.wrap(data, 14, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
        assertEquals("", RuleList.decode(data, "t.pmc", 0).get(0).value());
    }

    @Test
    void malformedRuleListsSayWhereAndWhat() {
        byte[] good = RuleList.encode(List.of(FilterRule.of(Column.PID, Relation.IS, RuleAction.EXCLUDE, "7")));
        assertEquals("t.pmc:byte 0x64: a rule list starts with the byte 1 and a u32 count",
                message(new byte[] {0, 0, 0, 0, 0}, 100));
        byte[] relation = good.clone();
        relation[9] = 8;
        assertEquals("t.pmc:byte 0x9: rule 1: unknown relation 8", message(relation, 0));
        byte[] action = good.clone();
        action[13] = 2;
        assertEquals("t.pmc:byte 0xd: rule 1: action 2 is neither 1 (include) nor 0 (exclude)", message(action, 0));
        byte[] reserved = good.clone();
        reserved[reserved.length - 4] = 5;
        assertEquals("t.pmc:byte 0x1a: rule 1: the field after the number is 5, expected 0", message(reserved, 0));
        byte[] longer = Arrays.copyOf(good, good.length + 3);
        assertEquals("t.pmc:byte 0x1e: 3 bytes after the last rule", message(longer, 0));
        byte[] count = good.clone();
        count[1] = 2;
        assertEquals("t.pmc:byte 0x1: 2 rules cannot fit in 30 bytes", message(count, 0));
        assertEquals("t.pmc:byte 0x5: rule 1 of 1 is cut short", message(Arrays.copyOf(good, 25), 0));
    }

    @Test
    void malformedRecordsSayWhereAndWhat() {
        byte[] file = BuildCaptureConfig.of(1, java.util.EnumSet.of(EventClass.PROCESS)).toBytes();
        assertEquals("c.pmc:byte 0x0: a record header needs 16 bytes, 3 left",
                assertThrows(PmcFormatException.class, () -> PmcFile.parse(Arrays.copyOf(file, 3), "c.pmc")).getMessage());
        byte[] header = file.clone();
        header[4] = 0x11;
        assertEquals("c.pmc:byte 0x4: header size is 17, expected 16",
                assertThrows(PmcFormatException.class, () -> PmcFile.parse(header, "c.pmc")).getMessage());
        byte[] cut = Arrays.copyOf(file, 100);
        assertEquals("c.pmc:byte 0x0: record of 160 bytes, only 100 left",
                assertThrows(PmcFormatException.class, () -> PmcFile.parse(cut, "c.pmc")).getMessage());
    }

    private static String message(byte[] data, long base) {
        return assertThrows(PmcFormatException.class, () -> RuleList.decode(data, "t.pmc", base)).getMessage();
    }
}
