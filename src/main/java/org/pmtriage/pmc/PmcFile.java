package org.pmtriage.pmc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A PMC file: records one after another, little-endian, no file header. Each record is a u32
 * record size (header, name and data), a u32 0x10 (the header's size), a u32 0x10 plus the
 * name's size in bytes, a u32 data size, the name in UTF-16LE with a terminating NUL, then the
 * data. {@link #toBytes()} gives back the bytes {@link #parse} read.
 *
 * @param records the records in file order
 */
public record PmcFile(List<PmcRecord> records) {

    /** The name of the filter rules record. */
    public static final String FILTER_RULES = "FilterRules";
    /** The name of the highlight rules record. */
    public static final String HIGHLIGHT_RULES = "HighlightRules";

    private static final int HEADER = 0x10;
    /** Far above any real record (the largest seen is 20 KB); guards against a huge allocation. */
    private static final int MAX_NAME = 1024;

    /** @throws NullPointerException when the list or a record is null */
    public PmcFile {
        records = List.copyOf(records);
    }

    /**
     * @param file the PMC to read
     * @return its records
     * @throws IOException         when the file cannot be read
     * @throws PmcFormatException when it is not a PMC file
     */
    public static PmcFile read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    /**
     * @param bytes  a whole PMC file
     * @param source the file's name, for messages
     * @return its records
     * @throws PmcFormatException when the bytes are not a PMC file
     */
    public static PmcFile parse(byte[] bytes, String source) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<PmcRecord> records = new ArrayList<>();
        while (in.hasRemaining()) {
            int at = in.position();
            if (in.remaining() < HEADER) {
                throw new PmcFormatException(source, at, "a record header needs 16 bytes, " + in.remaining() + " left");
            }
            long size = in.getInt() & 0xFFFF_FFFFL;
            long headerSize = in.getInt() & 0xFFFF_FFFFL;
            long nameEnd = in.getInt() & 0xFFFF_FFFFL;
            long dataSize = in.getInt() & 0xFFFF_FFFFL;
            if (headerSize != HEADER) {
                throw new PmcFormatException(source, at + 4, "header size is " + headerSize + ", expected 16");
            }
            long nameSize = nameEnd - HEADER;
            if (nameEnd < HEADER + 2 || nameSize % 2 != 0 || nameSize > MAX_NAME) {
                throw new PmcFormatException(source, at + 8, "name end " + nameEnd + " is not 16 plus an even name size");
            }
            if (size != nameEnd + dataSize) {
                throw new PmcFormatException(source, at, "record size " + size + " is not name end " + nameEnd
                        + " plus data size " + dataSize);
            }
            if (size - HEADER > in.remaining()) {
                throw new PmcFormatException(source, at, "record of " + size + " bytes, only " + (in.remaining() + HEADER)
                        + " left");
            }
            byte[] name = new byte[(int) nameSize];
            in.get(name);
            if (name[name.length - 1] != 0 || name[name.length - 2] != 0) {
                throw new PmcFormatException(source, at + HEADER, "record name does not end with a NUL");
            }
            String text = new String(name, 0, name.length - 2, StandardCharsets.UTF_16LE);
            if (text.indexOf('\0') >= 0) {
                throw new PmcFormatException(source, at + HEADER, "record name holds a NUL before its end");
            }
            byte[] data = new byte[(int) dataSize];
            in.get(data);
            records.add(new PmcRecord(text, data));
        }
        return new PmcFile(records);
    }

    /** @return the file's bytes */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (PmcRecord r : records) {
            byte[] name = (r.name() + '\0').getBytes(StandardCharsets.UTF_16LE);
            ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(HEADER + name.length + r.size()).putInt(HEADER).putInt(HEADER + name.length).putInt(r.size());
            out.writeBytes(header.array());
            out.writeBytes(name);
            out.writeBytes(r.data());
        }
        return out.toByteArray();
    }

    /** @return the first record of that name */
    public Optional<PmcRecord> record(String name) {
        return records.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /**
     * @return the filter rules, empty when the file has none
     * @throws PmcFormatException when the record is malformed
     */
    public List<FilterRule> filterRules(String source) {
        return rules(FILTER_RULES, source);
    }

    /**
     * @return the highlight rules, empty when the file has none
     * @throws PmcFormatException when the record is malformed
     */
    public List<FilterRule> highlightRules(String source) {
        return rules(HIGHLIGHT_RULES, source);
    }

    private List<FilterRule> rules(String name, String source) {
        long offset = 0;
        for (PmcRecord r : records) {
            int nameBytes = 2 * r.name().length() + 2;
            if (r.name().equals(name)) {
                return RuleList.decode(r.data(), source, offset + HEADER + nameBytes);
            }
            offset += HEADER + nameBytes + r.size();
        }
        return List.of();
    }

    /** @return a copy with the record of that name replaced, or appended when there is none */
    public PmcFile with(PmcRecord replacement) {
        Objects.requireNonNull(replacement, "replacement");
        List<PmcRecord> out = new ArrayList<>(records);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).name().equals(replacement.name())) {
                out.set(i, replacement);
                return new PmcFile(out);
            }
        }
        out.add(replacement);
        return new PmcFile(out);
    }
}
