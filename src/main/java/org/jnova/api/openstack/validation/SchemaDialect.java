package org.jnova.api.openstack.validation;

/**
 * Which JSON-schema rules apply. {@link #NOVA} is nova's extended Draft 4 (numbers given as
 * strings are checked by minimum/maximum, formats are checked, $ref replaces its siblings);
 * {@link #OPENAPI} is JSON Schema 2020-12 as OpenAPI 3.1 uses it (formats are annotations
 * except ipv4 and ipv6, which the Compute API's oneOf choices rely on,
 * prefixItems, numeric exclusive bounds, $ref beside other keywords).
 */
public enum SchemaDialect {
    NOVA,
    OPENAPI
}
