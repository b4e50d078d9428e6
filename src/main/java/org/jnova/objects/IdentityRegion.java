package org.jnova.objects;

/** A catalog region, possibly below a parent region; {@code extra} holds further attributes as JSON object text. */
public record IdentityRegion(String id, String description, String parentRegionId, String extra) {
}
