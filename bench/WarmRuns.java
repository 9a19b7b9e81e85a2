import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;

import org.pmtriage.cli.Main;

/**
 * Runs one pmtriage command line several times in one JVM and prints each run's wall and CPU
 * time: the first run pays for the JVM's compilers, the later ones show what the code costs
 * once compiled. Its output goes nowhere; its exit code is printed.
 *
 * <p>Used by {@code bench/warm.sh}.
 */
public final class WarmRuns {
    public static void main(String[] args) {
        int runs = Integer.parseInt(args[0]);
        String[] command = java.util.Arrays.copyOfRange(args, 1, args.length);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 1; i <= runs; i++) {
            long wall = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            int code = Main.run(command, new PrintWriter(Writer.nullWriter()), new PrintWriter(System.err, true));
            System.out.printf("run %d: wall %.2f s, cpu %.2f s, exit %d%n", i,
                    (System.nanoTime() - wall) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9, code);
        }
    }
}
