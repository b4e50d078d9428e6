package org.jnova.api.ec2.protocol;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * EC2's XML, written with the JDK's StAX writer as nova's {@code _render_dict} did: an answer is
 * {@code <ActionResponse xmlns="http://ec2.amazonaws.com/doc/VERSION/">} with {@code requestId}
 * first, then the handler's map: a map is an element per key, a list an {@code item} per entry,
 * booleans {@code true}/{@code false}, instants ISO 8601 in UTC with milliseconds, nulls left out.
 */
public final class Ec2Xml {
    public static final String CONTENT_TYPE = "text/xml";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Ec2Xml() {
    }

    /** The namespace of an API version. */
    public static String namespace(String version) {
        return "http://ec2.amazonaws.com/doc/" + version + "/";
    }

    /** An action's answer. */
    public static byte[] response(String action, String version, String requestId, Map<String, ?> body) {
        return write(xml -> {
            xml.writeStartElement(action + "Response");
            xml.writeDefaultNamespace(namespace(version));
            element(xml, "requestId", requestId);
            for (Map.Entry<String, ?> entry : body.entrySet()) {
                element(xml, entry.getKey(), entry.getValue());
            }
            xml.writeEndElement();
        });
    }

    /** EC2's error envelope: Response, Errors, Error with Code and Message, then RequestID. */
    public static byte[] error(String code, String message, String requestId) {
        return write(xml -> {
            xml.writeStartElement("Response");
            xml.writeStartElement("Errors");
            xml.writeStartElement("Error");
            element(xml, "Code", code);
            element(xml, "Message", message);
            xml.writeEndElement();
            xml.writeEndElement();
            element(xml, "RequestID", requestId);
            xml.writeEndElement();
        });
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write EC2 XML", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        xml.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                element(xml, String.valueOf(entry.getKey()), entry.getValue());
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item != null) {
                    element(xml, "item", item);
                }
            }
        } else {
            xml.writeCharacters(text(value));
        }
        xml.writeEndElement();
    }

    private static String text(Object value) {
        if (value instanceof Instant instant) {
            return TIME.format(instant);
        }
        return xmlChars(String.valueOf(value));
    }

    /** The text without the characters XML 1.0 cannot carry (control characters, lone surrogates). */
    private static String xmlChars(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF).forEach(out::appendCodePoint);
        return out.toString();
    }
}
