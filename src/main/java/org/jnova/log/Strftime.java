package org.jnova.log;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** Turns a C {@code strftime} pattern ({@code log_date_format}) into a {@link DateTimeFormatter}. */
final class Strftime {
    private Strftime() {
    }

    static DateTimeFormatter toFormatter(String pattern) {
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%' || i + 1 >= pattern.length()) {
                b.appendLiteral(c);
                continue;
            }
            char d = pattern.charAt(++i);
            switch (d) {
                case 'Y' -> b.appendValue(ChronoField.YEAR, 4);
                case 'y' -> b.appendValueReduced(ChronoField.YEAR, 2, 2, 2000);
                case 'm' -> b.appendValue(ChronoField.MONTH_OF_YEAR, 2);
                case 'd' -> b.appendValue(ChronoField.DAY_OF_MONTH, 2);
                case 'H' -> b.appendValue(ChronoField.HOUR_OF_DAY, 2);
                case 'I' -> b.appendValue(ChronoField.CLOCK_HOUR_OF_AMPM, 2);
                case 'M' -> b.appendValue(ChronoField.MINUTE_OF_HOUR, 2);
                case 'S' -> b.appendValue(ChronoField.SECOND_OF_MINUTE, 2);
                case 'f' -> b.appendValue(ChronoField.MICRO_OF_SECOND, 6);
                case 'j' -> b.appendValue(ChronoField.DAY_OF_YEAR, 3);
                case 'p' -> b.appendText(ChronoField.AMPM_OF_DAY, TextStyle.SHORT);
                case 'a' -> b.appendText(ChronoField.DAY_OF_WEEK, TextStyle.SHORT);
                case 'A' -> b.appendText(ChronoField.DAY_OF_WEEK, TextStyle.FULL);
                case 'b', 'h' -> b.appendText(ChronoField.MONTH_OF_YEAR, TextStyle.SHORT);
                case 'B' -> b.appendText(ChronoField.MONTH_OF_YEAR, TextStyle.FULL);
                case 'V' -> b.appendValue(IsoFields.WEEK_OF_WEEK_BASED_YEAR, 2);
                case 'z' -> b.appendOffset("+HHMM", "+0000");
                case 'Z' -> b.appendZoneText(TextStyle.SHORT);
                case 'T' -> b.append(toFormatter("%H:%M:%S"));
                case 'F' -> b.append(toFormatter("%Y-%m-%d"));
                case '%' -> b.appendLiteral('%');
                default -> b.appendLiteral("%" + d);
            }
        }
        return b.toFormatter(Locale.ENGLISH);
    }
}
