package org.jnova.objects;

/**
 * A catalog service as the services API shows it: type, whether enabled, and its other
 * attributes (name, description, anything a client added) as JSON object text, as Keystone
 * keeps them in its {@code extra} column. {@code name} is the name kept beside them ("" when none).
 */
public record IdentityServiceEntry(String id, String type, String name, boolean enabled, String extra) {
}
