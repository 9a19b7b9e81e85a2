/**
 * A generator of synthetic ProcMon captures of a parallel build, used by tests, benchmarks and
 * {@code samples/}. {@link org.pmtriage.generator.BuildSimulation} streams the events of a
 * simulated SCons build (driver, cmd, cl, link, background noise) in time order and records what it
 * injected (leaks, handed-over handles, spawn races, sharing violations) as a
 * {@link org.pmtriage.generator.CaptureTruth}, with the verdicts the analysis should give them
 * ({@link org.pmtriage.generator.ExpectedVerdict}); {@link org.pmtriage.generator.Behaviours}
 * switches on shapes of real Windows builds (current-directory handles, PDB servers, scanners,
 * running images, jitter, filtered exports...); {@link org.pmtriage.generator.Images} adds what a PML
 * records: each process's version and modules ({@link org.pmtriage.generator.ImageCatalog}) and each
 * event's stack ({@link org.pmtriage.generator.CodePaths}) for the driver's
 * {@link org.pmtriage.generator.DriverRuntime}; {@link org.pmtriage.generator.Scenario} names the
 * captures the diagnosis tests use. {@link org.pmtriage.generator.CsvCaptureWriter} and
 * {@link org.pmtriage.generator.XmlCaptureWriter} write the events as ProcMon exports would,
 * {@code read.pml.PmlWriter} as a PML. {@link org.pmtriage.generator.GenerateCapture} is the
 * command-line entry.
 *
 * <p>Everything is deterministic: the same configuration (seed included) gives byte-identical files.
 */
package org.pmtriage.generator;
