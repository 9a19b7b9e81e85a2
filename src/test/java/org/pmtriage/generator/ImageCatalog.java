package org.pmtriage.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pmtriage.event.Module;

/**
 * The images the simulated processes run and load, with the version resource and the place in
 * memory a real Windows 10 (19041) x64 machine gives them: what the process table of a PML (or an
 * XML export's {@code <modulelist>}) lists. System DLLs and kernel modules have one base for every
 * process, as on a real machine between reboots; their bases, sizes and versions are those of the
 * real capture {@code epicmine901-epic} (Windows 10 19041.3636), the Python 3.8 ones those of
 * {@code win10x64-process} in {@code ../shared/samples-public}. Python 2.7, MSVC and Defender images
 * have plausible, made-up bases and sizes; images without a version resource (Git's
 * {@code touch.exe}, the build's own tools) have empty version strings, as such images show in
 * real logs.
 */
final class ImageCatalog {

    /** The version resource and default placement of one image. */
    record Image(String path, long base, long size, String version, String company, String description) {

        Module module() {
            return new Module(base, size, path, version, company, description);
        }

        String fileName() {
            return path.substring(path.lastIndexOf('\\') + 1);
        }
    }

    static final String MS = "Microsoft Corporation";
    static final String PSF = "Python Software Foundation";
    private static final String WIN = "10.0.19041.3636 (WinBuild.160101.0800)";
    private static final String SYS = "C:\\Windows\\System32\\";
    private static final String VC = BuildJobs.VC_BIN;
    private static final String MSVC = "14.38.33130.0";
    private static final String DEFENDER = "C:\\ProgramData\\Microsoft\\Windows Defender\\";
    private static final String PY38 = "C:\\Program Files\\Python38\\";

    static final Image NTOSKRNL = new Image("C:\\Windows\\system32\\ntoskrnl.exe", 0xfffff80036e00000L, 17_063_936,
            "10.0.19041.3803 (WinBuild.160101.0800)", MS, "NT Kernel & System");
    static final Image FLTMGR = new Image("C:\\Windows\\System32\\drivers\\FLTMGR.SYS", 0xfffff80035ff0000L, 446_464,
            "10.0.19041.1 (WinBuild.160101.0800)", MS, "Microsoft Filesystem Filter Manager");

    /** Mapped into every user process (ntdll, kernel32 and KernelBase as the Load Image events name them). */
    private static final List<Image> SYSTEM_DLLS = List.of(
            new Image(SYS + "ntdll.dll", 0x7ffba3570000L, 2_064_384, WIN, MS, "NT Layer DLL"),
            new Image(SYS + "kernel32.dll", 0x7ffba2700000L, 774_144, WIN, MS, "Windows NT BASE API Client DLL"),
            new Image(SYS + "KernelBase.dll", 0x7ffba1190000L, 3_104_768, WIN, MS, "Windows NT BASE API Client DLL"),
            new Image(SYS + "ucrtbase.dll", 0x7ffba0fe0000L, 1_048_576, WIN, MS, "Microsoft\u00ae C Runtime Library"),
            new Image(SYS + "msvcrt.dll", 0x7ffba16d0000L, 647_168, "7.0.19041.3636 (WinBuild.160101.0800)", MS,
                    "Windows NT CRT DLL"),
            // the background noise's Load Image of profapi.dll gives this base and size
            new Image(SYS + "profapi.dll", 0x7ffb1a200000L, 0x1f000, WIN, MS, "User Profile Basic API"));

    private static final Image MSPDB = new Image(VC + "mspdb140.dll", 0x7ffa61c30000L, 0x1a3000, MSVC, MS,
            "Microsoft\u00ae Program Database");

    /** Each executable (by lower-case path) with the DLLs it brings beyond {@link #SYSTEM_DLLS}. */
    private static final Map<String, List<Image>> EXECUTABLES = new HashMap<>();

    static {
        add(new Image("C:\\Windows\\Explorer.EXE", 0x7ff6b4d80000L, 4_837_376, WIN, MS, "Windows Explorer"));
        add(new Image(BuildJobs.CMD, 0x7ff7e6070000L, 421_888, "10.0.19041.1 (WinBuild.160101.0800)", MS,
                "Windows Command Processor"));
        add(new Image("C:\\Windows\\system32\\svchost.exe", 0x7ff6c4a10000L, 53_248, WIN, MS,
                "Host Process for Windows Services"));
        add(new Image("C:\\Windows\\system32\\SearchIndexer.exe", 0x7ff71d0a0000L, 999_424, WIN, MS,
                "Microsoft Windows Search Indexer"));
        add(new Image(DEFENDER + "Platform\\4.18.23110.3-0\\MsMpEng.exe", 0x7ff776380000L, 110_592,
                        "4.18.23110.3 (WinBuild.160101.0800)", MS, "Antimalware Service Executable"),
                new Image(DEFENDER + "Definition Updates\\{5E2A5F6C-2F6B-4D33-9B8A-7E1C0A4F9D21}\\mpengine.dll",
                        0x7ffb2a9b0000L, 17_825_792, "1.1.23110.2", MS, "Microsoft Malware Protection Engine"));
        add(new Image(DriverRuntime.PYTHON27.image(), 0x1d000000L, 28_160, "2.7.18150.1013", PSF, "Python"),
                new Image("C:\\Python27\\python27.dll", 0x1e000000L, 3_485_696, "2.7.18150.1013", PSF, "Python Core"),
                new Image("C:\\Windows\\WinSxS\\amd64_microsoft.vc90.crt_1fc8b3b9a1e18e3b_9.0.30729.9635_none_08e2c157a83ed5da"
                        + "\\MSVCR90.dll", 0x7ffb8d6e0000L, 667_648, "9.00.30729.9635", MS,
                        "Microsoft\u00ae C Runtime Library"));
        add(new Image(DriverRuntime.PYTHON38.image(), 0x7ff667e00000L, 114_688, "3.8.3", PSF, "Python"),
                new Image(PY38 + "python38.dll", 0x7ffa7dba0000L, 4_390_912, "3.8.3", PSF, "Python Core"),
                new Image(PY38 + "python3.dll", 0x7ffa91f00000L, 61_440, "3.8.3", PSF, "Python Core"),
                new Image(PY38 + "vcruntime140.dll", 0x7ffa90fa0000L, 102_400, "14.25.28508.3 built by: vcwrkspc", MS,
                        "Microsoft\u00ae C Runtime Library"));
        add(new Image(VC + "cl.exe", 0x7ff6d7a40000L, 516_096, MSVC, MS, "Microsoft C/C++ Compiler Driver"),
                new Image(VC + "c1xx.dll", 0x7ffa5d2b0000L, 0x8b5000, MSVC, MS, "Microsoft C/C++ Compiler Front End"),
                // the compile's Load Image of c2.dll gives this base and size
                new Image(VC + "c2.dll", 0x7ffa55100000L, 0x6d1000, MSVC, MS, "Microsoft C/C++ Compiler Back End"),
                MSPDB);
        add(new Image(VC + "link.exe", 0x7ff7a2c50000L, 2_445_312, MSVC, MS, "Microsoft Incremental Linker"), MSPDB);
        add(new Image(VC + "mspdbsrv.exe", 0x7ff6f1e20000L, 167_936, MSVC, MS, "Microsoft\u00ae Program Database Server"),
                MSPDB, new Image(VC + "mspdbcore.dll", 0x7ffa60a10000L, 0x2c6000, MSVC, MS,
                        "Microsoft\u00ae Program Database"));
        add(new Image("C:\\Program Files\\Git\\usr\\bin\\touch.exe", 0x100400000L, 0x23000, "", "", ""),
                new Image("C:\\Program Files\\Git\\usr\\bin\\msys-2.0.dll", 0x180040000L, 0x4a3000, "", "", ""));
    }

    private ImageCatalog() {
    }

    private static void add(Image exe, Image... dlls) {
        List<Image> all = new ArrayList<>(List.of(exe));
        all.addAll(List.of(dlls));
        EXECUTABLES.put(exe.path().toLowerCase(Locale.ROOT), all);
    }

    /**
     * @param imagePath an executable's path
     * @return the executable itself (a made-up placement and no version resource when it is not
     *         in the catalog), the DLLs it brings, then the system DLLs
     */
    static List<Image> images(String imagePath) {
        List<Image> own = EXECUTABLES.get(imagePath.toLowerCase(Locale.ROOT));
        List<Image> all = new ArrayList<>(own != null ? own
                : List.of(new Image(imagePath, 0x7ff600000000L + 0x10000L * Math.floorMod(imagePath.hashCode(), 0x8000),
                        0x41000, "", "", "")));
        all.addAll(SYSTEM_DLLS);
        return all;
    }

    /** @return the kernel modules, listed under the System process */
    static List<Image> kernel() {
        return List.of(NTOSKRNL, FLTMGR);
    }

    /**
     * @param modules a process's images
     * @param path    an image's path, as a Load Image event names it
     * @return the image of that path, or null
     */
    static Image find(List<Image> modules, String path) {
        for (Image m : modules) {
            if (m.path().equalsIgnoreCase(path)) {
                return m;
            }
        }
        return null;
    }
}
