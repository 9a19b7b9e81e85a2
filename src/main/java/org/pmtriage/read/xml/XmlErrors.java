package org.pmtriage.read.xml;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a StAX parser's error message into the one-line "what was wrong" of a LogFormatException. */
final class XmlErrors {

    private static final Pattern ENTITY_AALTO = Pattern.compile("\\(&([^;)]*);\\)");
    private static final Pattern ENTITY_OTHERS = Pattern.compile("entity \"?([\\w.-]+)\"?");
    private static final Pattern LOCATION_SUFFIX = Pattern.compile("\\s*at \\[row,col[^\\]]*\\]: \\[\\d+,\\d+\\]\\s*$");

    private XmlErrors() {
    }

    /**
     * @param parserMessage the parser's message, possibly several lines with its own location
     * @param openElement   the innermost element open when the error happened, or null
     * @return a one-line description without position (the caller adds {@code line:column})
     */
    static String describe(String parserMessage, String openElement) {
        String message = parserMessage;
        int jdkMessage = message.indexOf("Message: ");
        if (jdkMessage >= 0) {
            message = message.substring(jdkMessage + "Message: ".length());
        }
        message = LOCATION_SUFFIX.matcher(message).replaceAll("");
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        message = message.strip();
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("end-of-input") || lower.contains("unexpected eof")
                || lower.contains("must start and end within the same entity")) {
            return openElement == null
                    ? "unexpected end of file: the XML is empty or truncated"
                    : "unexpected end of file inside <" + openElement + ">: the XML export is truncated";
        }
        if (lower.contains("entity")) {
            Matcher aalto = ENTITY_AALTO.matcher(message);
            Matcher others = ENTITY_OTHERS.matcher(message);
            String name = aalto.find() ? aalto.group(1) : others.find() ? others.group(1) : "?";
            return undeclaredEntity(name);
        }
        return "malformed XML: " + message;
    }

    /** @return what is wrong with a reference to an entity that is not one of XML's five */
    static String undeclaredEntity(String name) {
        return "undeclared entity &" + name + "; (ProcMon exports use only the predefined XML entities)";
    }
}
