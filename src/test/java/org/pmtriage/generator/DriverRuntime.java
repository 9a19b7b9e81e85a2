package org.pmtriage.generator;

/**
 * The Python that runs the SCons driver. It decides the driver's image and command line, its
 * modules and code paths when {@link Images#recorded()} is on, and whether the driver's files are
 * inherited by the children it spawns (CPython 2 makes every file inheritable; 3.4+ does not,
 * PEP 446).
 */
public enum DriverRuntime {

    /** CPython 2.7 (64-bit): {@code python27.dll} over {@code msvcr90.dll}; files are inheritable. */
    PYTHON27("CPython 2.7", "C:\\Python27\\python.exe", "C:\\Python27\\python.exe C:\\Python27\\Scripts\\scons.py", true),

    /** CPython 3.8: {@code python38.dll} over the UCRT; files are not inheritable, so nothing leaks. */
    PYTHON38("CPython 3.8", "C:\\Program Files\\Python38\\python.exe",
            "\"C:\\Program Files\\Python38\\python.exe\" \"C:\\Program Files\\Python38\\Scripts\\scons.py\"", false);

    private final String label;
    private final String image;
    private final String command;
    private final boolean inheritsFiles;

    DriverRuntime(String label, String image, String command, boolean inheritsFiles) {
        this.label = label;
        this.image = image;
        this.command = command;
        this.inheritsFiles = inheritsFiles;
    }

    /** @return the name the truth gives it, e.g. {@code CPython 2.7} */
    public String label() {
        return label;
    }

    /** @return the driver's image path */
    String image() {
        return image;
    }

    /** @return the start of the driver's command line, up to the script */
    String command() {
        return command;
    }

    /** @return whether files the driver opens are inherited by the processes it spawns */
    boolean inheritsFiles() {
        return inheritsFiles;
    }

    /**
     * @param name {@code py27} or {@code py38}, as {@code --runtime} takes it
     * @return the runtime
     */
    static DriverRuntime of(String name) {
        return switch (name) {
            case "py27" -> PYTHON27;
            case "py38" -> PYTHON38;
            default -> throw new IllegalArgumentException("--runtime must be py27 or py38: " + name);
        };
    }
}
