package org.jnova.api.openstack.wsgi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The success status, nova's {@code @wsgi.response(code[, min, max])}; repeat it with
 * version ranges when the code changed with a microversion. Default 200. A result that sets
 * its own status wins.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Response.List.class)
public @interface Response {
    int value();

    String min() default "";

    String max() default "";

    /** Container for repeated {@link Response}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        Response[] value();
    }
}
