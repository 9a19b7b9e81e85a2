package org.pmtriage.analysis;

import java.util.ArrayList;
import java.util.List;

import org.pmtriage.event.Event;
import org.pmtriage.event.Timeline;

/**
 * Inherited handles: an object whose last handle was released by a process other than its opener.
 * Each hop of the chain is judged by use: a copy to a process that used the object is a hand-over;
 * copies that nobody used leaked. Severity follows harm ({@code docs/detection.md}).
 */
final class InheritedHandleDetector implements HandleListener {

    private record Pending(FileObject object, ProcessNode closer, long at, long record, List<SpawnLink> chain,
                           List<ProcessNode> users, InheritedHandle.Verdict verdict,
                           InheritedHandle.Evidence evidence, Severity severity, String reason) {
    }

    private final FindingCounts counts;
    private final List<Pending> pending = new ArrayList<>();

    InheritedHandleDetector(FindingCounts counts) {
        this.counts = counts;
    }

    @Override
    public void closedByOther(FileObject o, Event close, List<SpawnLink> chain, InheritedHandle.Evidence evidence) {
        if (chain.isEmpty()) {
            return;
        }
        List<ProcessNode> users = new ArrayList<>();
        int deepestUser = -1;
        for (int i = 0; i < chain.size(); i++) {
            ProcessNode member = chain.get(i).child();
            if (o.usedBy != null && o.usedBy.contains(member)) {
                users.add(member);
                deepestUser = i;
            }
        }
        InheritedHandle.Verdict verdict;
        Severity severity;
        String harm = "";
        if (deepestUser < 0) {
            verdict = InheritedHandle.Verdict.LEAKED;
            harm = harm(o);
            severity = harm.isEmpty() ? Severity.WARNING : Severity.ERROR;
        } else if (deepestUser == chain.size() - 1) {
            verdict = InheritedHandle.Verdict.HANDED_OVER;
            severity = Severity.INFO;
        } else {
            verdict = InheritedHandle.Verdict.LEAKED_AFTER_HAND_OVER;
            severity = outlived(chain.get(deepestUser).child(), close) || o.causedViolation ? Severity.ERROR
                    : Severity.WARNING;
        }
        if (evidence == InheritedHandle.Evidence.PARENT_PID && severity == Severity.ERROR) {
            severity = Severity.WARNING;
        }
        // most hand-overs of a big build are counted, not listed: their reason is not written
        if (counts.count(FindingKind.INHERITED_HANDLE, severity)) {
            pending.add(new Pending(o, o.closer, close.time(), close.record(), List.copyOf(chain), users, verdict,
                    evidence, severity, reason(o, close, chain, deepestUser, harm, evidence)));
        }
    }

    private static boolean outlived(ProcessNode user, Event close) {
        return user.exited() && user.exitedAt < close.time();
    }

    /** @return why the chain got its verdict, as things stand at the close */
    private static String reason(FileObject o, Event close, List<SpawnLink> chain, int deepestUser, String harm,
                                 InheritedHandle.Evidence evidence) {
        String reason;
        if (deepestUser < 0) {
            if (!harm.isEmpty()) {
                reason = "nobody along the chain used it, and " + harm;
            } else if (o.directory()) {
                reason = "nobody along the chain used it; a directory handle, it kept the folder from being deleted or"
                        + " renamed";
            } else {
                reason = "nobody along the chain used it; opened read-only with share " + o.parsedDetail().shareMode()
                        + ", it blocked only deletes and exclusive opens";
            }
        } else if (deepestUser == chain.size() - 1) {
            reason = chain.get(deepestUser).child().ref() + " used it: a hand-over by design, as redirection does";
        } else {
            ProcessNode user = chain.get(deepestUser).child();
            ProcessNode server = chain.get(deepestUser + 1).child();
            boolean outlived = outlived(user, close);
            reason = "handed over to " + user.ref() + ", which used it, then copied on into " + server.ref()
                    + ", which never did"
                    + (outlived ? " and kept it open " + Timeline.millisText(close.time() - user.exitedAt) + " ms after " + user.ref()
                    + " exited" : "")
                    + (o.causedViolation ? "; it caused a sharing violation" : "");
        }
        if (evidence == InheritedHandle.Evidence.PARENT_PID) {
            reason = "possible: " + reason + "; only the Parent PID column links " + o.closer.ref() + " to "
                    + o.owner.ref() + ", as the log has no Process Create or Start for the spawns between them, so"
                    + " when they started (and whether the handle was inheritable then) is unknown";
        }
        return reason;
    }

    /** @return the inherited handles found, with lifetimes as known at the end of the pass */
    List<InheritedHandle> findings() {
        List<InheritedHandle> out = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            List<Spawn> chain = p.chain().stream().map(SpawnLink::toSpawn).toList();
            List<ProcessRef> usedBy = p.users().stream().map(ProcessNode::ref).toList();
            out.add(new InheritedHandle(p.object().path, p.verdict(), p.object().toFileOpen(), p.closer().ref(), p.at(),
                    p.record(), chain, usedBy, p.evidence(), p.severity(), p.reason()));
        }
        return out;
    }

    /** @return why a leaked copy of the object does harm, empty when it does none */
    private static String harm(FileObject o) {
        if (!o.detailKnown()) {
            return "its access is unknown (the log has no Detail), so nothing shows it harmless";
        }
        List<String> why = new ArrayList<>(3);
        if (o.written()) {
            why.add("it was opened for writing");
        }
        if (o.sharedRestrictively()) {
            why.add("its share mode (" + o.parsedDetail().shareMode() + ") keeps others from opening it");
        }
        if (o.causedViolation) {
            why.add("it caused a sharing violation");
        }
        return String.join(", ", why);
    }

}
