package org.pmtriage.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.pmtriage.analysis.FileOpen;
import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.InheritedHandle;
import org.pmtriage.analysis.SharingViolation;

/** The findings of one log, indexed by the CreateFile they are about, so that related ones can be shown together. */
final class FindingIndex {

    /** Refused opens shown with the object that caused them. */
    static final int MAX_BLOCKED = 8;

    private final Map<Long, List<SharingViolation>> violationsByOpen = new HashMap<>();
    private final Map<Long, InheritedHandle> closings = new HashMap<>();
    private final Map<Finding, String> articles = new IdentityHashMap<>();

    /**
     * @param findings the log's findings
     * @param detailed the findings drawn in full, each with its element id
     */
    FindingIndex(List<Finding> findings, Map<Finding, String> detailed) {
        for (Finding f : findings) {
            if (f instanceof SharingViolation v) {
                for (SharingViolation.Holder h : v.holders().subList(0, Math.min(Story.MAX_HOLDERS, v.holders().size()))) {
                    violationsByOpen.computeIfAbsent(h.open().record(), k -> new ArrayList<>()).add(v);
                }
            } else if (f instanceof InheritedHandle h) {
                closings.put(h.open().record(), h);
            }
        }
        articles.putAll(detailed);
    }

    /**
     * @return the first {@link #MAX_BLOCKED} sharing violations the object opened by {@code open} caused, as one
     *         of the first {@link Story#MAX_HOLDERS} holders of each (the ones a page draws)
     */
    List<SharingViolation> blockedBy(FileOpen open) {
        List<SharingViolation> all = violationsByOpen.getOrDefault(open.record(), List.of());
        return all.subList(0, Math.min(MAX_BLOCKED, all.size()));
    }

    /** @return how many sharing violations the object opened by {@code open} caused */
    int blockedCount(FileOpen open) {
        return violationsByOpen.getOrDefault(open.record(), List.of()).size();
    }

    /** @return inherited-handle findings by the record number of their CreateFile */
    Map<Long, InheritedHandle> closings() {
        return closings;
    }

    /** @return the element id of the finding's article, or null when it is not drawn in full */
    String articleId(Finding f) {
        return articles.get(f);
    }
}
