package org.jnova.api.openstack.wsgi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The request body schema, nova's {@code @validation.schema}: the base name of JSON files in
 * {@code schemas/} next to the controller class. {@code "create"} finds {@code create.json}
 * (every version) or {@code create.v2.1.json}, {@code create.v2.10.json}, ... where each file
 * serves from its version up to the next file's; {@code create.v2.19.patch.json} in place of
 * {@code create.v2.19.json} is a JSON Patch against the version before it. {@code create.v2.0.json} or
 * {@code create.json} also validates the legacy /v2 API.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequestSchema {
    String value();
}
