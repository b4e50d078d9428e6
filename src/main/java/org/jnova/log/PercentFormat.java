package org.jnova.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A Python {@code %}-style format with named fields, as oslo.log's format options are written:
 * {@code %(name)s}, {@code %(msecs)03d}, {@code %(levelname)-8s}, {@code %%}. Compiled once;
 * {@link #render} looks each field up by name. Unknown fields render as empty text.
 */
final class PercentFormat {
    private sealed interface Part permits Literal, Field {
    }

    private record Literal(String text) implements Part {
    }

    private record Field(String name, boolean leftAlign, boolean zeroPad, int width, char conversion) implements Part {
    }

    private final List<Part> parts;
    private final String source;

    PercentFormat(String format) {
        this.source = format;
        this.parts = compile(format);
    }

    String source() {
        return source;
    }

    boolean isEmpty() {
        return source.isEmpty();
    }

    void render(Function<String, Object> fields, StringBuilder out) {
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                out.append(literal.text());
            } else if (part instanceof Field field) {
                out.append(format(field, fields.apply(field.name())));
            }
        }
    }

    String render(Function<String, Object> fields) {
        StringBuilder out = new StringBuilder();
        render(fields, out);
        return out.toString();
    }

    private static String format(Field field, Object value) {
        String text;
        if (field.conversion() == 'd' && value instanceof Number number) {
            text = Long.toString(number.longValue());
            if (field.zeroPad() && text.length() < field.width()) {
                boolean negative = text.startsWith("-");
                String digits = negative ? text.substring(1) : text;
                text = (negative ? "-" : "") + "0".repeat(field.width() - text.length()) + digits;
            }
        } else if (field.conversion() == 'f' && value instanceof Number number) {
            text = String.format(Locale.ROOT, "%f", number.doubleValue());
        } else {
            text = value == null ? "" : String.valueOf(value);
        }
        if (text.length() < field.width()) {
            String pad = " ".repeat(field.width() - text.length());
            text = field.leftAlign() ? text + pad : pad + text;
        }
        return text;
    }

    private static List<Part> compile(String format) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c == '%' && i + 1 < format.length() && format.charAt(i + 1) == '%') {
                literal.append('%');
                i += 2;
                continue;
            }
            int close = format.indexOf(')', i);
            if (c != '%' || i + 1 >= format.length() || format.charAt(i + 1) != '(' || close < 0) {
                literal.append(c);
                i++;
                continue;
            }
            String name = format.substring(i + 2, close);
            int j = close + 1;
            boolean left = false;
            boolean zero = false;
            while (j < format.length() && "-0 +#".indexOf(format.charAt(j)) >= 0) {
                left |= format.charAt(j) == '-';
                zero |= format.charAt(j) == '0';
                j++;
            }
            int width = 0;
            while (j < format.length() && Character.isDigit(format.charAt(j))) {
                width = width * 10 + (format.charAt(j) - '0');
                j++;
            }
            if (j < format.length() && format.charAt(j) == '.') {
                j++;
                while (j < format.length() && Character.isDigit(format.charAt(j))) {
                    j++;
                }
            }
            if (j >= format.length()) {
                literal.append(format, i, format.length());
                break;
            }
            if (!literal.isEmpty()) {
                parts.add(new Literal(literal.toString()));
                literal.setLength(0);
            }
            parts.add(new Field(name, left, zero, width, format.charAt(j)));
            i = j + 1;
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return List.copyOf(parts);
    }
}
