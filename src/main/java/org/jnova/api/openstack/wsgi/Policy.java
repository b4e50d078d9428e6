package org.jnova.api.openstack.wsgi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A policy rule checked after validation and before the call, with the caller's project
 * and user as target (nova's common {@code context.can(rule, target={...})}). Methods whose
 * target depends on the object they load call {@code ApiRequest.authorize} themselves.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Policy {
    String value();
}
