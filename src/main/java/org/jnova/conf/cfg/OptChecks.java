package org.jnova.conf.cfg;

import java.util.Collection;

/** The checks oslo.config applies after conversion: min, max and choices. */
final class OptChecks {
    private OptChecks() {
    }

    /** What is wrong with {@code value} for {@code opt}, or null when nothing is. */
    static String problem(Opt<?> opt, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            double n = number.doubleValue();
            if (opt.min().isPresent() && n < opt.min().get()) {
                return "Should be greater than or equal to " + opt.min().get() + ", got " + value;
            }
            if (opt.max().isPresent() && n > opt.max().get()) {
                return "Should be less than or equal to " + opt.max().get() + ", got " + value;
            }
        }
        if (!opt.choices().isEmpty()) {
            Collection<?> items = value instanceof Collection<?> c ? c : java.util.List.of(value);
            for (Object item : items) {
                if (!opt.choices().contains(String.valueOf(item))) {
                    return "Valid values are " + opt.choices() + ", but found '" + item + "'";
                }
            }
        }
        return null;
    }
}
