package org.pmtriage.read.pml;

import java.util.Map;

/**
 * The host and port names a PML file's network events refer to.
 *
 * @param hosts names by the 16 raw address bytes ({@link PmlTables#ipKey})
 * @param ports names by port number, plus 0x10000 for TCP
 */
record PmlNetworkNames(Map<String, String> hosts, Map<Integer, String> ports) {
}
