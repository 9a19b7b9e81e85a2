package org.pmtriage.generator;

import java.util.List;
import java.util.Locale;

import org.pmtriage.event.Stack;
import org.pmtriage.event.StackFrame;
import org.pmtriage.generator.ImageCatalog.Image;

/**
 * The call stack ProcMon records with each event of a simulated process, shaped like the stacks
 * of the real PMLs in {@code ../shared/samples-public} (innermost first): kernel frames
 * ({@code FLTMGR.SYS} then {@code ntoskrnl.exe} for file-system events, {@code ntoskrnl.exe} alone
 * for process and registry events), then the user-mode path: {@code ntdll.dll}'s system call,
 * {@code KernelBase.dll}, for a spawn {@code kernel32.dll}'s {@code CreateProcessW} stub, the
 * runtime's DLLs, the program, and at the bottom {@code kernel32.dll}'s thread thunk and
 * {@code ntdll.dll}'s thread start. On Windows 10 x64 a CreateFile has no {@code kernel32.dll}
 * frame (its export is a jump into KernelBase), a Process Create has one, as in the real captures.
 *
 * <p>Return addresses are a module's base plus a fixed offset per call site: some offsets are
 * real ones seen in those captures (FLTMGR's, the kernel's of CreateFile, process and thread
 * events, ntdll's {@code NtCreateUserProcess} and thread starts, KernelBase's {@code CreateFileW}
 * and {@code CreateProcessW}, kernel32's, cmd.exe's spawn), the others are made up within the
 * module's size. A child's Process Start and first Thread Create carry its
 * parent's Process Create stack, which its own module list resolves only in the system DLLs (the
 * rest is {@code <unknown>}), as in {@code win10x64-process}; MsMpEng.exe's scans run through two
 * frames in no module, as code generated at run time does. The number of interpreter frames
 * varies with a hash of process, thread and time, so the same event always gets the same stack.
 */
final class CodePaths {

    /** The code a process runs, by its image. */
    enum Profile { PYTHON27, PYTHON38, SHELL, COMPILER, LINKER, PDB_SERVER, SCANNER, SERVICE, PROGRAM }

    private enum Family { OPEN, READ, WRITE, CLOSE, QUERY, REGISTRY, SPAWN, THREAD, THREAD_EXIT, PROCESS_EXIT, LOAD }

    private static final long[] FS_KERNEL_OPEN = {0x7852, 0x73f8, 0x3b5cb, -0x26839, -0x48fca2, -0x4aee67, -0x4a6540,
        -0x4a37ef, -0x49f619, -0x190f43};
    private static final long[] FS_KERNEL = {0x7852, 0x73f8, 0x3b5cb, -0x26839, -0x4d2a1c, -0x190f43};
    private static final long[] SPAWN_KERNEL = {-0x5d1fd6, -0x5ebc7c, -0x650504, -0x1d3c15};
    private static final long[] THREAD_KERNEL = {-0x5d210d, -0x5eba98, -0x650504, -0x1d3c15};
    private static final long[] REGISTRY_KERNEL = {-0x6b7d62, -0x6b2f35, -0x6b1cd0, -0x1d3c15};
    private static final long[] THREAD_EXIT_KERNEL = {-0x5d2189, -0x626278, -0x623ff3, -0xa6421, -0x1c6900, -0x1d3cbf};
    private static final long[] PROCESS_EXIT_KERNEL = {-0x5d1fd6, -0x6303d8, -0x6266ff, -0x623ff3, -0xa6421, -0x1c6900,
        -0x1d3cbf};
    private static final long[] LOAD_KERNEL = {-0x5d2304, -0x5cdd99, -0x5cdafb, -0x1c9d18, -0x1c9c80};
    /** Addresses of code generated at run time: in no module. */
    private static final long[] GENERATED_CODE = {0x1f5a3c41L, 0x1f5a2e08L};

    /**
     * @param p  a simulated process
     * @param tid the thread that logged the event
     * @param operation the event's operation
     * @param time the event's time
     * @return the stack ProcMon would record
     */
    Stack stack(SimProcess p, int tid, String operation, long time) {
        boolean firstThread = operation.equals("Thread Create") && tid == p.mainTid && !p.firstThreadLogged;
        if (firstThread) {
            p.firstThreadLogged = true;
        }
        if (p.parent != null && (operation.equals("Process Start") || firstThread)) {
            return frames(p.parent, p.spawnTid, Family.SPAWN, p.createdAt);
        }
        return frames(p, tid, family(operation), time);
    }

    private Stack frames(SimProcess p, int tid, Family family, long time) {
        Frames f = new Frames(p.images);
        switch (family) {
            case OPEN -> f.kernel(FS_KERNEL_OPEN).at("ntdll.dll", 0x9d4e4).at("KernelBase.dll", 0x23cd6, 0x239c6);
            case READ -> f.kernel(FS_KERNEL).at("ntdll.dll", 0x9c8a4).at("KernelBase.dll", 0x2e3f4);
            case WRITE -> f.kernel(FS_KERNEL).at("ntdll.dll", 0x9c904).at("KernelBase.dll", 0x2f0a1);
            case CLOSE -> f.kernel(FS_KERNEL).at("ntdll.dll", 0x9c9e4).at("KernelBase.dll", 0x2c1b7);
            case QUERY -> f.kernel(FS_KERNEL).at("ntdll.dll", 0x9c9a4).at("KernelBase.dll", 0x4a7b2);
            case REGISTRY -> f.kernel(REGISTRY_KERNEL).at("ntdll.dll", 0x9c4b4).at("KernelBase.dll", 0x2f3a1, 0x2e6c0);
            case SPAWN -> f.kernel(SPAWN_KERNEL).at("ntdll.dll", 0x9d8e4).at("KernelBase.dll", 0x5f36a, 0x5bd06)
                    .at("kernel32.dll", 0x1be93);
            case THREAD -> f.kernel(THREAD_KERNEL).at("ntdll.dll", 0x9d2a4).at("KernelBase.dll", 0x4b8b1);
            case THREAD_EXIT -> {
                return f.kernel(THREAD_EXIT_KERNEL).at("ntdll.dll", 0x9fa04, 0x33fe0).at("kernel32.dll", 0x17bd4)
                        .at("ntdll.dll", 0x6ce51).stack();
            }
            case PROCESS_EXIT -> {
                return f.kernel(PROCESS_EXIT_KERNEL).stack();
            }
            case LOAD -> {
                return f.kernel(LOAD_KERNEL).at("ntdll.dll", 0x6ce30).stack();
            }
            default -> throw new IllegalStateException(family.name());
        }
        int extra = (int) (mix(p.index, tid, time) & 7);
        caller(f, p.profile, family, extra);
        bottom(f, p, tid);
        return f.stack();
    }

    /** The runtime's and the program's frames between KernelBase and the thread's start. */
    private static void caller(Frames f, Profile profile, Family family, int extra) {
        switch (profile) {
            case PYTHON27 -> {
                switch (family) {
                    // Python 2's file object is a CRT FILE: open() is fopen, write() fwrite...
                    case OPEN -> f.at("MSVCR90.dll", 0x6c2f4, 0x6c4d1, 0x5b8a3, 0x5bbf0).at("python27.dll", 0x4a3b1, 0x4ce72);
                    case READ -> f.at("MSVCR90.dll", 0x6e1a2, 0x6e37c, 0x56d81).at("python27.dll", 0x4b9e0);
                    case WRITE -> f.at("MSVCR90.dll", 0x6f5b4, 0x6f7e1, 0x5a2c3).at("python27.dll", 0x4c1d7);
                    case CLOSE -> f.at("MSVCR90.dll", 0x6b512, 0x6b61e, 0x55e03).at("python27.dll", 0x4a0f2);
                    // subprocess.Popen calls _subprocess.CreateProcess, built into python27.dll
                    case SPAWN -> f.at("python27.dll", 0x2d8c6, 0x2dd41);
                    case THREAD -> f.at("MSVCR90.dll", 0x3dc4e).at("python27.dll", 0x21d92);
                    default -> f.at("python27.dll", 0x1f3a0);
                }
                interpreter(f, "python27.dll", extra, 0x11e6a, 0x1a4d12, 0x6e9d2, 0x1a7f3b);
            }
            case PYTHON38 -> {
                switch (family) {
                    case OPEN -> f.at("ucrtbase.dll", 0x4c5d4, 0x4c241, 0x4bf8c).at("python38.dll", 0x7bf20, 0x7c1e4);
                    case READ -> f.at("ucrtbase.dll", 0x2a8d1).at("python38.dll", 0x7d3a8);
                    case WRITE -> f.at("ucrtbase.dll", 0x2b6e4).at("python38.dll", 0x7d9c2);
                    case CLOSE -> f.at("ucrtbase.dll", 0x29c10).at("python38.dll", 0x7b6e1);
                    case SPAWN -> f.at("python38.dll", 0x1b4e73, 0x1b53a0);
                    case THREAD -> f.at("ucrtbase.dll", 0x21c4d).at("python38.dll", 0x1f2d84);
                    default -> f.at("python38.dll", 0x1f3813);
                }
                interpreter(f, "python38.dll", extra, 0x5d0b3, 0x3c6a1, 0x2a91e, 0x19bcd9);
            }
            case SHELL -> {
                if (family == Family.SPAWN) {
                    f.at("cmd.exe", 0x134fb, 0x149f7);
                } else {
                    f.at("cmd.exe", 0x1a3b2, 0x7d62);
                }
                f.at("cmd.exe", 0xc0c1, 0xb5e1, 0x1de1b);
            }
            case COMPILER -> {
                if (family == Family.SPAWN) {
                    f.at("mspdb140.dll", 0x8a3f1, 0x8a12c);
                } else {
                    f.at("c1xx.dll", 0x1f0c3a, 0x1ef7d2, 0x3b01c);
                }
                f.at("cl.exe", 0x2a6f1, 0x7d3c);
            }
            case LINKER -> {
                if (family == Family.SPAWN) {
                    f.at("mspdb140.dll", 0x8a3f1, 0x8a12c);
                }
                f.at("link.exe", 0x1c7a20, 0x1bd011, 0x10842);
            }
            case PDB_SERVER -> f.at("mspdbcore.dll", 0x9e4b1).at("mspdbsrv.exe", 0x1a4f2, 0x12c6b);
            case SCANNER -> {
                f.at("mpengine.dll", 0x8d2a17, 0x8cf2b4);
                for (long a : GENERATED_CODE) {
                    f.address(a);
                }
                f.at("mpengine.dll", 0x5e1a0c).at("MsMpEng.exe", 0x1a4c6);
            }
            default -> f.exe(0x3d2c, 0x2a18);
        }
    }

    private static void interpreter(Frames f, String dll, int extra, long... sites) {
        for (int i = 0; i < 2 + extra; i++) {
            f.at(dll, sites[i % sites.length]);
        }
    }

    /** The frames that started the thread: the program's main, or the runtime's thread bootstrap. */
    private static void bottom(Frames f, SimProcess p, int tid) {
        boolean main = tid == p.mainTid;
        switch (p.profile) {
            case PYTHON27 -> {
                if (main) {
                    f.at("python27.dll", 0xf8e7).exe(0x12a8);
                } else {
                    f.at("python27.dll", 0x21b7e).at("MSVCR90.dll", 0x3d9b7, 0x3da53);
                }
            }
            case PYTHON38 -> {
                if (main) {
                    f.at("python38.dll", 0x139d71).exe(0x1258);
                } else {
                    f.at("python38.dll", 0x1f2f61).at("ucrtbase.dll", 0x21bb2);
                }
            }
            case SHELL -> f.at("cmd.exe", 0x1822d);
            case SCANNER, SERVICE -> {
                if (!main) {
                    f.at("ntdll.dll", 0x333ed, 0x34142);
                } else {
                    f.exe(0x1f0e);
                }
            }
            default -> f.exe(0x1f0e);
        }
        f.at("kernel32.dll", 0x17bd4).at("ntdll.dll", 0x6ce51);
    }

    private static Family family(String operation) {
        if (operation.startsWith("Reg")) {
            return Family.REGISTRY;
        }
        return switch (operation) {
            case "CreateFile", "IRP_MJ_CREATE" -> Family.OPEN;
            case "ReadFile", "IRP_MJ_READ" -> Family.READ;
            case "WriteFile", "IRP_MJ_WRITE" -> Family.WRITE;
            case "CloseFile", "IRP_MJ_CLEANUP", "IRP_MJ_CLOSE" -> Family.CLOSE;
            case "Process Create" -> Family.SPAWN;
            case "Thread Create" -> Family.THREAD;
            case "Thread Exit" -> Family.THREAD_EXIT;
            case "Process Exit" -> Family.PROCESS_EXIT;
            case "Load Image" -> Family.LOAD;
            default -> Family.QUERY;
        };
    }

    /**
     * @param imagePath an executable
     * @param driver    the Python the driver runs
     * @return the code its process runs
     */
    static Profile profile(String imagePath, DriverRuntime driver) {
        String name = imagePath.substring(imagePath.lastIndexOf('\\') + 1).toLowerCase(Locale.ROOT);
        return switch (name) {
            case "python.exe" -> driver == DriverRuntime.PYTHON38 ? Profile.PYTHON38 : Profile.PYTHON27;
            case "cmd.exe" -> Profile.SHELL;
            case "cl.exe" -> Profile.COMPILER;
            case "link.exe" -> Profile.LINKER;
            case "mspdbsrv.exe" -> Profile.PDB_SERVER;
            case "msmpeng.exe" -> Profile.SCANNER;
            case "svchost.exe", "searchindexer.exe" -> Profile.SERVICE;
            default -> Profile.PROGRAM;
        };
    }

    private static long mix(int index, int tid, long time) {
        long z = index * 0x9E3779B97F4A7C15L + tid * 0xBF58476D1CE4E5B9L + time;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Builds a stack from call sites: a module's file name and offsets, or (negative) ntoskrnl offsets. */
    private static final class Frames {

        private final List<Image> images;
        private final long[] addresses = new long[64];
        private int depth;

        Frames(List<Image> images) {
            this.images = images;
        }

        /** Positive offsets are FLTMGR.SYS's, negative ones ntoskrnl.exe's. */
        Frames kernel(long[] sites) {
            for (long s : sites) {
                address(s < 0 ? ImageCatalog.NTOSKRNL.base() - s : ImageCatalog.FLTMGR.base() + s);
            }
            return this;
        }

        Frames at(String fileName, long... offsets) {
            Image m = null;
            for (Image i : images) {
                if (i.fileName().equalsIgnoreCase(fileName)) {
                    m = i;
                    break;
                }
            }
            if (m == null) {
                throw new IllegalStateException(fileName + " is not mapped in a process with " + images.get(0).path());
            }
            for (long o : offsets) {
                address(m.base() + o);
            }
            return this;
        }

        Frames exe(long... offsets) {
            for (long o : offsets) {
                address(images.get(0).base() + o);
            }
            return this;
        }

        void address(long a) {
            addresses[depth++] = a;
        }

        Stack stack() {
            StackFrame[] frames = new StackFrame[depth];
            for (int i = 0; i < depth; i++) {
                frames[i] = new StackFrame(addresses[i]);
            }
            return new Stack(List.of(frames));
        }
    }
}
