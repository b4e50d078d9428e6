package org.jnova.objects;

import java.util.List;

/**
 * An Identity v3 project with everything its API shows: its parent (the domain's id for a
 * top-level project), the description, the attributes a request added beyond the known ones
 * ({@code extra}, a JSON object's text) and its tags.
 */
public record IdentityProjectDetails(String id, String name, String domainId, String parentId, String description,
        boolean enabled, String extra, List<String> tags) {
    public IdentityProjectDetails {
        tags = List.copyOf(tags);
    }
}
