package org.jnova.rpc;

import java.util.Map;

/** A message as the transports carry it: a method name and JSON-like arguments. */
public record WireMessage(String method, Map<String, Object> args) {
}
