package org.jnova.image;

import java.util.List;
import java.util.Map;

/**
 * An Image v2 list request: glance's filters by name ({@link ImageFilters}), tags every image
 * must carry, sort keys with directions, a page size and
 * the id after which the page starts, and the membership status of the shared images listed
 * (pending, accepted, rejected or all).
 */
public record ImageQuery(Map<String, String> filters, List<String> tags, List<String> sortKeys,
        List<String> sortDirs, int limit, String marker, String memberStatus) {
}
