package org.pmtriage.read.pml;

import java.util.ArrayList;
import java.util.List;

/**
 * The Detail of QueryDirectory: the search filter, the names the file system returned (a chain of
 * FILE_*_DIR_INFORMATION entries in the extra detail, numbered by their place in the Detail) and
 * the information class, which ProcMon 3.61 and later put first and earlier versions in the third
 * place, replacing the entry there (and leaving it out when there are fewer than two items before it).
 */
final class PmlDirectoryListing {

    private static final int CLASS_PLACE = 2;
    /** ProcMon cuts a long listing's Detail here. */
    private static final int MAX_CHARS = 4095;

    private PmlDirectoryListing() {
    }

    /**
     * @param infoClass the FileInformationClass asked for; 0 when the capture did not record it
     * @param extra     the returned entries, or null
     */
    static String detail(PmlText t, String filter, int infoClass, PmlCursor extra) {
        List<String> items = new ArrayList<>();
        String classItem = infoClass == 0 ? null : "FileInformationClass: " + className(infoClass);
        if (classItem != null && t.listsClassFirst()) {
            items.add(classItem);
        }
        if (!filter.isEmpty()) {
            items.add("Filter: " + filter);
        }
        int nameLengthAt = switch (infoClass) {
            case 12 -> 8;
            case 1, 2, 3, 37, 38, 50, 60, 63 -> 60;
            default -> -1;
        };
        int nameAt = switch (infoClass) {
            case 1 -> 64;
            case 2 -> 68;
            case 3 -> 94;
            case 12 -> 12;
            case 37 -> 104;
            case 38 -> 80;
            case 50 -> 96;
            case 60 -> 88;
            case 63 -> 114;
            default -> -1;
        };
        if (extra != null && nameAt >= 0) {
            int start = extra.position();
            int left = extra.left();
            int entry = 0;
            while (entry + nameAt <= left) {
                PmlCursor c = new PmlCursor(extra.buffer(), start + entry, start + left);
                long next = c.u32();
                int nameBytes = (int) c.skip(nameLengthAt - 4).u32();
                c.skip(nameAt - nameLengthAt - 4);
                if (nameBytes < 0 || nameBytes > c.left()) {
                    break;
                }
                items.add(items.size() + ": " + c.utf16(nameBytes));
                if (next == 0) {
                    break;
                }
                entry += (int) next;
            }
        }
        if (classItem != null && !t.listsClassFirst()) {
            if (items.size() > CLASS_PLACE) {
                items.set(CLASS_PLACE, classItem);
            } else if (items.size() == CLASS_PLACE) {
                items.add(classItem);
            }
        }
        String detail = String.join(", ", items);
        return detail.length() > MAX_CHARS ? detail.substring(0, MAX_CHARS) : detail;
    }

    private static String className(int infoClass) {
        return switch (infoClass) {
            case 1 -> "FileDirectoryInformation";
            case 2 -> "FileFullDirectoryInformation";
            case 3 -> "FileBothDirectoryInformation";
            case 12 -> "FileNamesInformation";
            case 37 -> "FileIdBothDirectoryInformation";
            case 38 -> "FileIdFullDirectoryInformation";
            case 50 -> "FileIdGlobalTxDirectoryInformation";
            case 60 -> "FileIdExtdDirectoryInformation";
            case 63 -> "FileIdExtdBothDirectoryInformation";
            default -> "<Unknown: " + infoClass + ">";
        };
    }
}
