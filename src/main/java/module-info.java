/**
 * pmtriage: the packages a JVM program may use are exported; the readers' formats and internals,
 * the command line and the capture loop are not.
 */
module org.pmtriage {
    requires com.fasterxml.aalto;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires info.picocli;
    requires java.xml;
    requires me.tongfei.progressbar;

    exports org.pmtriage.analysis;
    exports org.pmtriage.api;
    exports org.pmtriage.diagnosis;
    exports org.pmtriage.event;
    exports org.pmtriage.incident;
    exports org.pmtriage.read;
    exports org.pmtriage.read.open;
    exports org.pmtriage.report;

    opens org.pmtriage.cli to info.picocli;
}
