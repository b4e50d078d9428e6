package org.jnova.objects;

import java.util.Optional;

/**
 * A row of Keystone's credential table: an owner, an optional project, a type ({@code ec2})
 * and a JSON blob; an EC2 credential's id is the SHA-256 of its access key.
 */
public record IdentityCredential(String id, String userId, Optional<String> projectId, String type, String blob) {
}
