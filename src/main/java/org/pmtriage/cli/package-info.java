/**
 * The command line: {@link org.pmtriage.cli.Main} and one class per subcommand. Maps errors to
 * exit codes: 0 no error finding, 1 error findings, 2 usage, 3 unreadable input or output.
 * Messages are one line, prefixed with the tool and command name; stack traces only with
 * {@code --debug}.
 */
package org.pmtriage.cli;
