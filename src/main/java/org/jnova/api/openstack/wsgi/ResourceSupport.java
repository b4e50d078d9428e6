package org.jnova.api.openstack.wsgi;

import java.util.Objects;
import org.jnova.api.openstack.Microversions;
import org.jnova.api.openstack.NovaJson;
import org.jnova.api.openstack.PolicyCheck;
import org.jnova.api.openstack.validation.SchemaDialect;
import org.jnova.api.openstack.validation.SchemaRegistry;
import org.jnova.api.openstack.validation.SchemaValidator;

/**
 * What every {@link Resource} of one API shares: the version bounds, JSON reading and
 * writing, schema validators (strict, and relaxed for legacy /v2) and the policy hook.
 */
public record ResourceSupport(Microversions microversions, NovaJson json, SchemaRegistry schemas,
        SchemaValidator validator, SchemaValidator relaxedValidator, PolicyCheck policy) {

    public ResourceSupport {
        Objects.requireNonNull(microversions, "microversions is null");
        Objects.requireNonNull(json, "json is null");
        Objects.requireNonNull(schemas, "schemas is null");
        Objects.requireNonNull(validator, "validator is null");
        Objects.requireNonNull(relaxedValidator, "relaxedValidator is null");
        Objects.requireNonNull(policy, "policy is null");
    }

    public static ResourceSupport create(Microversions microversions, PolicyCheck policy) {
        NovaJson json = new NovaJson();
        SchemaRegistry schemas = SchemaRegistry.withParameterTypes(json.mapper());
        return new ResourceSupport(microversions, json, schemas,
                new SchemaValidator(schemas, SchemaDialect.NOVA, false),
                new SchemaValidator(schemas, SchemaDialect.NOVA, true), policy);
    }
}
