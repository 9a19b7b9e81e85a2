package org.pmtriage.pmc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The configuration {@code pmtriage capture} hands ProcMon: the 20 records ProcMon itself writes,
 * with its defaults, except that filtered events are dropped ({@code DestructiveFilter} 1), the
 * columns are the seven of a default export, and the filter keeps only the chosen event classes.
 * The filter has no path or process-name include: ProcMon ANDs rules on different columns, so such
 * an include would drop the Process events the process tree needs, and a build's children and the
 * antivirus holding a file have other names.
 */
public final class BuildCaptureConfig {

    private static final List<Column> COLUMNS = List.of(Column.TIME_OF_DAY, Column.PROCESS_NAME, Column.PID,
            Column.OPERATION, Column.PATH, Column.RESULT, Column.DETAIL);
    private static final int[] WIDTHS = {100, 150, 50, 150, 400, 150, 400};
    private static final int COLUMN_SLOTS = 64;
    private static final int FONT_WEIGHT_NORMAL = 400;
    private static final int FONT_WEIGHT_BOLD = 700;

    private BuildCaptureConfig() {
    }

    /**
     * @param ownPid  the PID of the pmtriage process, excluded by a PID rule
     * @param classes the event classes to keep (File System and Process for a build)
     * @return the configuration
     */
    public static PmcFile of(long ownPid, Set<EventClass> classes) {
        List<PmcRecord> r = new ArrayList<>();
        ByteBuffer widths = le(2 * COLUMN_SLOTS);
        ByteBuffer map = le(4 * COLUMN_SLOTS);
        for (int i = 0; i < COLUMNS.size(); i++) {
            widths.putShort((short) WIDTHS[i]);
            map.putInt(COLUMNS.get(i).id());
        }
        r.add(new PmcRecord("Columns", widths.array()));
        r.add(PmcRecord.u32("ColumnCount", COLUMNS.size()));
        r.add(new PmcRecord("ColumnMap", map.array()));
        // ProcMon writes this path without a terminating NUL
        r.add(new PmcRecord("DbgHelpPath", "C:\\Windows\\SYSTEM32\\dbghelp.dll".getBytes(StandardCharsets.UTF_16LE)));
        r.add(PmcRecord.text("Logfile", ""));
        r.add(PmcRecord.u32("HighlightFG", 0));
        r.add(PmcRecord.u32("HighlightBG", 0x00FF_FF80L));
        r.add(new PmcRecord("LogFont", logFont(FONT_WEIGHT_NORMAL)));
        r.add(new PmcRecord("BoookmarkFont", logFont(FONT_WEIGHT_BOLD)));
        r.add(PmcRecord.u32("AdvancedMode", 0));
        r.add(PmcRecord.u32("Autoscroll", 0));
        r.add(PmcRecord.u32("HistoryDepth", 200));
        r.add(PmcRecord.u32("Profiling", 0));
        r.add(PmcRecord.u32("DestructiveFilter", 1));
        r.add(PmcRecord.u32("AlwaysOnTop", 0));
        r.add(PmcRecord.u32("ResolveAddresses", 1));
        r.add(PmcRecord.text("SourcePath", ""));
        r.add(PmcRecord.text("SymbolPath", "srv*https://msdl.microsoft.com/download/symbols"));
        r.add(new PmcRecord(PmcFile.FILTER_RULES, RuleList.encode(rules(ownPid, classes))));
        r.add(new PmcRecord(PmcFile.HIGHLIGHT_RULES, RuleList.encode(List.of())));
        return new PmcFile(r);
    }

    /** @return the filter: an include per event class, ProcMon's default excludes, then pmtriage's PID */
    public static List<FilterRule> rules(long ownPid, Set<EventClass> classes) {
        List<FilterRule> rules = new ArrayList<>();
        for (EventClass c : EventClass.values()) {
            if (classes.contains(c)) {
                rules.add(FilterRule.of(Column.EVENT_CLASS, Relation.IS, RuleAction.INCLUDE, c.label()));
            }
        }
        rules.addAll(defaultExcludes());
        rules.add(FilterRule.of(Column.PID, Relation.IS, RuleAction.EXCLUDE, Long.toString(ownPid)));
        return rules;
    }

    /** @return ProcMon's default exclude rules, in its order */
    public static List<FilterRule> defaultExcludes() {
        List<FilterRule> rules = new ArrayList<>();
        for (String name : List.of("Procmon.exe", "Procexp.exe", "Autoruns.exe", "Procmon64.exe", "Procexp64.exe",
                "System")) {
            rules.add(exclude(Column.PROCESS_NAME, Relation.IS, name));
        }
        rules.add(exclude(Column.OPERATION, Relation.BEGINS_WITH, "IRP_MJ_"));
        rules.add(exclude(Column.OPERATION, Relation.BEGINS_WITH, "FASTIO_"));
        rules.add(exclude(Column.RESULT, Relation.BEGINS_WITH, "FAST IO"));
        for (String end : List.of("pagefile.sys", "$Mft", "$MftMirr", "$LogFile", "$Volume", "$AttrDef", "$Root",
                "$Bitmap", "$Boot", "$BadClus", "$Secure", "$UpCase")) {
            rules.add(exclude(Column.PATH, Relation.ENDS_WITH, end));
        }
        rules.add(exclude(Column.PATH, Relation.CONTAINS, "$Extend"));
        rules.add(exclude(Column.EVENT_CLASS, Relation.IS, "Profiling"));
        return rules;
    }

    private static FilterRule exclude(Column column, Relation relation, String value) {
        return FilterRule.of(column, relation, RuleAction.EXCLUDE, value);
    }

    /** A LOGFONTW of ProcMon's default font: height 8, the given weight, face MS Shell Dlg. */
    private static byte[] logFont(int weight) {
        ByteBuffer font = le(92);
        font.putInt(8).putInt(0).putInt(0).putInt(0).putInt(weight);
        font.position(28);
        font.put("MS Shell Dlg".getBytes(StandardCharsets.UTF_16LE));
        return font.array();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
