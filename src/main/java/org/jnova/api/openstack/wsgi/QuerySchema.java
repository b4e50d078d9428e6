package org.jnova.api.openstack.wsgi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The query-string schema, nova's {@code @validation.query_schema}, found like
 * {@link RequestSchema} (e.g. {@code "index.query"} finds {@code index.query.v2.1.json}).
 * Each parameter is validated as an array of strings; parameters the schema does not name
 * are dropped when it allows additional properties.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface QuerySchema {
    String value();
}
