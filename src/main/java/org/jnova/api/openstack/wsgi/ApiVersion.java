package org.jnova.api.openstack.wsgi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The microversions a controller method serves, nova's {@code @wsgi.api_version(min, max)}.
 * Outside the range the method does not exist: 404. Several methods may serve one action
 * (see {@link Handles}) with disjoint ranges.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiVersion {
    /** Lowest version, "X.Y"; "" for no lower bound. */
    String min() default "";

    /** Highest version, "X.Y"; "" for no upper bound. */
    String max() default "";
}
