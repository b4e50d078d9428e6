package org.jnova.objects;

import java.time.Instant;

/** The latest fault of an instance, shown as the server's "fault". */
public record InstanceFault(int code, String message, String details, String host, Instant createdAt) {
}
