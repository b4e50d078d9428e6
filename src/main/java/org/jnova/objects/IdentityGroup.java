package org.jnova.objects;

/** An Identity v3 group of users in a domain; {@code extra} holds further attributes as JSON object text. */
public record IdentityGroup(String id, String domainId, String name, String description, String extra) {
}
