package org.jnova.api.openstack.wsgi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code POST .../action} handler, nova's {@code @wsgi.action("pause")}: the method runs
 * when the request body's single key is this name.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Action {
    String value();
}
