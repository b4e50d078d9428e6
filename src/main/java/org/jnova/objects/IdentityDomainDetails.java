package org.jnova.objects;

import java.util.List;

/**
 * An Identity v3 domain with everything its API shows: the description, the attributes a
 * request added beyond the known ones ({@code extra}, a JSON object's text) and its tags.
 */
public record IdentityDomainDetails(String id, String name, String description, boolean enabled, String extra,
        List<String> tags) {
    public IdentityDomainDetails {
        tags = List.copyOf(tags);
    }
}
