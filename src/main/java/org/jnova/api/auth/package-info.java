/**
 * Keystone authentication for the Compute API: keystonemiddleware's {@code auth_token} filter
 * ({@link org.jnova.api.auth.AuthToken}, asking a {@link org.jnova.api.auth.TokenValidator}:
 * Keystone over HTTP through {@link org.jnova.api.auth.IdentityClient}, or the built-in identity
 * in-process when this process serves it) and nova's {@code NovaKeystoneContext}
 * ({@link org.jnova.api.auth.NovaKeystoneContext}), which turns the identity headers into the
 * request's {@link org.jnova.context.RequestContext}.
 */
package org.jnova.api.auth;
