package org.jnova.api.image;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jnova.image.GlanceError;

/**
 * One byte range of an image download, from a {@code Range} header as glance reads it with
 * webob: {@code bytes=first-last}, {@code bytes=first-} or {@code bytes=-suffix}; several
 * ranges 400, an unreadable one or one starting past the end 416 (and the deprecated
 * {@code Content-Range} request header glance still reads).
 */
record ByteRange(long offset, long length) {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final Pattern RANGE = Pattern.compile("(?i)bytes *= *(\\d*) *- *(\\d*).*");

    static ByteRange parse(String header, long size) {
        if (header.contains(",")) {
            throw new GlanceError(400, "Requests with multiple ranges are not supported in Glance. You may make "
                    + "multiple single-range requests instead.");
        }
        Matcher m = RANGE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            throw new GlanceError(416, "Invalid Range header.");
        }
        long start;
        Long end = null;
        try {
            if (m.group(1).isEmpty()) {
                start = -Long.parseLong(m.group(2));
            } else {
                start = Long.parseLong(m.group(1));
                if (!m.group(2).isEmpty()) {
                    end = Long.parseLong(m.group(2)) + 1;
                    if (start >= end) {
                        throw new GlanceError(416, "Invalid Range header.");
                    }
                }
            }
        } catch (NumberFormatException e) {
            throw new GlanceError(416, "Invalid Range header.");
        }
        if (start >= size) {
            throw new GlanceError(416, "Invalid start position in Range header. Start position MUST be in the "
                    + "inclusive range [0, " + (size - 1) + "].");
        }
        long offset = start >= 0 ? start : -start < size ? size + start : 0;
        long stop = end != null && end < size ? end : size;
        return new ByteRange(offset, stop - offset);
    }

    /**
     * The deprecated {@code Content-Range} of a download request that glance still honours:
     * {@code bytes first-last/length} or {@code bytes first-last/*}.
     */
    static ByteRange parseContentRange(String header, long size) {
        Matcher m = CONTENT_RANGE.matcher(header.strip());
        long start;
        long stop;
        Long length = null;
        try {
            if (!m.matches()) {
                throw new NumberFormatException();
            }
            start = Long.parseLong(m.group(1));
            stop = Long.parseLong(m.group(2)) + 1;
            if (!m.group(3).equals("*")) {
                length = Long.parseLong(m.group(3));
            }
        } catch (NumberFormatException e) {
            throw new GlanceError(416, "Invalid Content-Range header.");
        }
        if (start >= stop || (length != null && stop > length)) {
            throw new GlanceError(416, "Invalid Content-Range header.");
        }
        if (length == null && stop > size) {
            throw new GlanceError(416, "Invalid stop position in Content-Range header. The stop position MUST be in "
                    + "the inclusive range [0, " + (size - 1) + "].");
        }
        if (start >= size) {
            throw new GlanceError(416, "Invalid start position in Content-Range header. Start position MUST be in "
                    + "the inclusive range [0, " + (size - 1) + "].");
        }
        return new ByteRange(start, Math.min(stop, size) - start);
    }
}
