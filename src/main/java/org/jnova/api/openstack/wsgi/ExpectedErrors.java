package org.jnova.api.openstack.wsgi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error statuses a method may answer with, nova's {@code @wsgi.expected_errors}. A
 * {@link org.jnova.exception.NovaException} with another code (403 and validation errors
 * excepted), or any other exception, becomes 500 "Unexpected API Error". Without this
 * annotation every NovaException passes with its own code.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ExpectedErrors {
    int[] value();
}
