package org.pmtriage.pmc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The data of a {@code FilterRules} or {@code HighlightRules} record: a u8 1, a u32 rule count (an
 * older reading took one byte here, which failed beyond 255 rules), then each rule: u32 column id,
 * u32 relation, u8 action (1 include, 0 exclude), u32 value size in bytes with its NUL, the value
 * in UTF-16LE, u32 the value as a number, u32 0. An empty value has size 0 and no NUL (Noriben's
 * configurations hold one).
 */
public final class RuleList {

    private static final int FIXED = 4 + 4 + 1 + 4 + 4 + 4;

    private RuleList() {
    }

    /**
     * @param data   the record's data
     * @param source the file's name, for messages
     * @param base   the data's offset in the file, for messages
     * @return the rules in order
     * @throws PmcFormatException when the data is not a rule list
     */
    public static List<FilterRule> decode(byte[] data, String source, long base) {
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        if (data.length < 5 || data[0] != 1) {
            throw new PmcFormatException(source, base, "a rule list starts with the byte 1 and a u32 count");
        }
        in.get();
        long count = in.getInt() & 0xFFFF_FFFFL;
        if (count > data.length / FIXED) {
            throw new PmcFormatException(source, base + 1, count + " rules cannot fit in " + data.length + " bytes");
        }
        List<FilterRule> rules = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            int at = in.position();
            if (in.remaining() < FIXED) {
                throw new PmcFormatException(source, base + at, "rule " + (i + 1) + " of " + count + " is cut short");
            }
            int column = in.getInt();
            int relation = in.getInt();
            int action = in.get();
            long valueSize = in.getInt() & 0xFFFF_FFFFL;
            if (relation < 0 || relation >= Relation.values().length) {
                throw new PmcFormatException(source, base + at + 4, "rule " + (i + 1) + ": unknown relation " + relation);
            }
            if (action != 0 && action != 1) {
                throw new PmcFormatException(source, base + at + 8, "rule " + (i + 1) + ": action " + action
                        + " is neither 1 (include) nor 0 (exclude)");
            }
            if (valueSize == 2) {
                throw new PmcFormatException(source, base + at + 9, "rule " + (i + 1)
                        + ": value is a lone NUL (ProcMon writes an empty value as size 0)");
            }
            if (valueSize % 2 != 0 || valueSize > in.remaining() - 8) {
                throw new PmcFormatException(source, base + at + 9, "rule " + (i + 1) + ": value size " + valueSize
                        + " is not 0 or an even size with its NUL within the record");
            }
            byte[] value = new byte[(int) valueSize];
            in.get(value);
            String text = new String(value, 0, Math.max(value.length - 2, 0), StandardCharsets.UTF_16LE);
            if (value.length > 0 && (value[value.length - 1] != 0 || value[value.length - 2] != 0
                    || text.indexOf('\0') >= 0)) {
                throw new PmcFormatException(source, base + at + 13, "rule " + (i + 1)
                        + ": value is not UTF-16 text ending with its only NUL");
            }
            long number = in.getInt() & 0xFFFF_FFFFL;
            int reserved = in.getInt();
            if (reserved != 0) {
                throw new PmcFormatException(source, base + in.position() - 4, "rule " + (i + 1)
                        + ": the field after the number is " + reserved + ", expected 0");
            }
            rules.add(new FilterRule(column, Relation.values()[relation],
                    action == 1 ? RuleAction.INCLUDE : RuleAction.EXCLUDE, text, number));
        }
        if (in.hasRemaining()) {
            throw new PmcFormatException(source, base + in.position(), in.remaining() + " bytes after the last rule");
        }
        return rules;
    }

    /** @return the record data for these rules */
    public static byte[] encode(List<FilterRule> rules) {
        int size = 5;
        List<byte[]> values = new ArrayList<>(rules.size());
        for (FilterRule r : rules) {
            byte[] v = r.value().isEmpty() ? new byte[0] : (r.value() + '\0').getBytes(StandardCharsets.UTF_16LE);
            values.add(v);
            size += FIXED + v.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 1).putInt(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            FilterRule r = rules.get(i);
            byte[] v = values.get(i);
            out.putInt(r.column()).putInt(r.relation().ordinal()).put((byte) (r.action() == RuleAction.INCLUDE ? 1 : 0))
                    .putInt(v.length).put(v).putInt((int) r.number()).putInt(0);
        }
        return out.array();
    }
}
