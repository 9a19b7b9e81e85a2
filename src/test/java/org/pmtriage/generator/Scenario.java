package org.pmtriage.generator;

import java.util.Locale;

/**
 * Named captures with modules and stacks ({@link Images#recorded()}), for the tests of runtime
 * identification and remedies and for {@code generate-capture --scenario NAME}. Each is small
 * (8 jobs, 3 at once) and takes well under a second to simulate.
 */
public enum Scenario {

    /**
     * {@code samples/flaky-build.csv}'s story (same seed, same jobs, same leak: CPython 2.7's
     * {@code python.exe} 4312 leaks {@code parser_tab.cpp} into {@code cmd.exe} 5120 spawned 18.9 ms
     * after the open from another thread), with modules and stacks: {@code samples/flaky-build.pml}.
     */
    FLAKY_BUILD("flaky-build", flakyBuild(DriverRuntime.PYTHON27)),

    /**
     * The same build under CPython 3.8: the same open and the spawn 18.9 ms later on another
     * thread, but the file is not inheritable; the driver closes it after its writes, cl.exe
     * compiles it, nothing leaks (the race is refuted).
     */
    PYTHON38("python38", flakyBuild(DriverRuntime.PYTHON38)),

    /**
     * MSVC: {@code cmd /c link /DEBUG ... >> log} where link.exe starts {@code mspdbsrv.exe}, which
     * inherits the log and outlives the step; the driver's delete of the log is refused.
     */
    MSPDBSRV("mspdbsrv", build(5).withBehaviours(Behaviours.NONE.withServers(0, 1, 0, 0))),

    /**
     * A scanner: MsMpEng.exe opens a freshly written object (share Read, Write) and holds it while
     * the driver's delete of it is refused with SHARING VIOLATION.
     */
    SCANNER("scanner", build(6).withBehaviours(Behaviours.NONE.withServers(0, 0, 1, 0)));

    private final String option;
    private final CaptureConfig config;

    Scenario(String option, CaptureConfig config) {
        this.option = option;
        this.config = config;
    }

    /** @return the configuration, with modules and stacks recorded */
    public CaptureConfig config() {
        return config;
    }

    /** @return the name {@code --scenario} takes */
    public String option() {
        return option;
    }

    /**
     * @param name a scenario's {@link #option()}
     * @return the scenario
     */
    public static Scenario of(String name) {
        for (Scenario s : values()) {
            if (s.option.equals(name.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("--scenario must be flaky-build, python38, mspdbsrv or scanner: " + name);
    }

    /** The options of {@code samples/regenerate.sh} for flaky-build.csv, with the given driver. */
    private static CaptureConfig flakyBuild(DriverRuntime driver) {
        return CaptureConfig.defaults(1).withBuild(8, 3, 1, 1, 0, 0).withExtras(0, 0).withStory(true)
                .withImages(new Images(driver, true));
    }

    /** Eight plain jobs, three at once, nothing injected yet. */
    private static CaptureConfig build(long seed) {
        return CaptureConfig.defaults(seed).withBuild(8, 3, 0, 0, 0, 0).withExtras(0, 0)
                .withImages(new Images(DriverRuntime.PYTHON27, true));
    }
}
