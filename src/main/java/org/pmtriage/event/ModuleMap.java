package org.pmtriage.event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The modules mapped into one process, searchable by address: what turns a stack frame's return
 * address into {@code module+0xOFFSET}. Immutable; modules of unknown size are left out, since
 * no address can be placed in them.
 */
public final class ModuleMap {

    /** A process of which no module is known. */
    public static final ModuleMap EMPTY = new ModuleMap(new Module[0]);

    /** The text of a frame whose address lies in no known module (JIT code, an unlisted module). */
    public static final String UNKNOWN_FRAME = "<unknown>";

    private static final Comparator<Module> BY_BASE = (a, b) -> Long.compareUnsigned(a.base(), b.base());

    private final Module[] byBase;

    private ModuleMap(Module[] byBase) {
        this.byBase = byBase;
    }

    /**
     * @param modules modules in any order
     * @return a map of those whose size is known
     */
    public static ModuleMap of(List<Module> modules) {
        List<Module> sized = new ArrayList<>(modules.size());
        for (Module m : modules) {
            if (m.size() > 0) {
                sized.add(m);
            }
        }
        sized.sort(BY_BASE);
        return sized.isEmpty() ? EMPTY : new ModuleMap(sized.toArray(new Module[0]));
    }

    /** @return the modules, by base address */
    public List<Module> modules() {
        return List.of(byBase);
    }

    /**
     * @param address a return address
     * @return the module the address lies in, when one is known
     */
    public Optional<Module> moduleAt(long address) {
        int low = 0;
        int high = byBase.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            Module m = byBase[mid];
            if (Long.compareUnsigned(m.base(), address) > 0) {
                high = mid - 1;
            } else if (m.contains(address)) {
                return Optional.of(m);
            } else {
                low = mid + 1;
            }
        }
        return Optional.empty();
    }

    /**
     * @param address a return address
     * @return {@code python27.dll+0x1a2b3} for an address in a known module, else {@link #UNKNOWN_FRAME}
     */
    public String frameText(long address) {
        return moduleAt(address)
                .map(m -> m.fileName() + "+0x" + Long.toHexString(address - m.base()))
                .orElse(UNKNOWN_FRAME);
    }
}
