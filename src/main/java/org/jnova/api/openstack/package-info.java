/**
 * nova's API layer between the middleware and the controllers (nova/api/openstack):
 * microversions, the router, resources, request validation, version documents, extensions.
 *
 * <h2>Writing a controller</h2>
 * One public class per nova module, in its own package under
 * {@code org.jnova.api.openstack.compute} (e.g. {@code keypairs.KeypairController}), with a
 * public method per action taking an {@link org.jnova.api.openstack.ApiRequest}:
 *
 * <pre>{@code
 * public final class KeypairController {
 *     @Response(value = 200, max = "2.1") @Response(value = 201, min = "2.2")
 *     @ExpectedErrors({400, 403, 409})
 *     @RequestSchema("create")                  // schemas/create.v2.1.json, create.v2.2.json, ...
 *     public Object create(ApiRequest req) {
 *         String userId = req.isSupported("2.10") ? req.body().at("/keypair/user_id").asText(null) : null;
 *         req.authorize("os_compute_api:os-keypairs:create", Map.of("user_id", ...));
 *         ...                                    // throw NovaException subclasses for errors
 *         return Map.of("keypair", view);        // or a Jackson tree, or ApiResult.of(body).header(...)
 *     }
 *
 *     @Response(202) @ExpectedErrors(404)
 *     public void delete(ApiRequest req) { ... req.pathParam("id") ... }
 * }
 * }</pre>
 *
 * <ul>
 * <li>The route table {@link org.jnova.api.openstack.compute.ComputeRoutes#ROUTE_LIST} names
 *     each path's resource and action; the composition root registers the controller:
 *     {@code ApiRouterV21.builder(support).controller("keypairs", new KeypairController(...))}.
 *     Server actions live in their own controllers ({@code @Action("pause")} methods) added
 *     with {@code .actions("servers", new PauseServerController(...), ...)}.</li>
 * <li>Annotations ({@code org.jnova.api.openstack.wsgi}) mirror nova's decorators and are read
 *     once at start-up: {@code @ApiVersion(min, max)}, {@code @Handles("show")} (another method
 *     for the same action at other versions), {@code @Response}, {@code @ExpectedErrors},
 *     {@code @RequestSchema}, {@code @QuerySchema}, {@code @Action}. Policy rules are checked
 *     inline ({@code req.authorize(rule, target)}) at the top of the method. Prefer one
 *     method with {@code req.isSupported("2.x")} branches.</li>
 * <li>Schemas are JSON files in {@code src/main/resources/<controller package>/schemas/}:
 *     {@code <name>.json} for every version, or {@code <name>.v2.N.json} each serving up to the
 *     next file; {@code <name>.v2.0.json} or {@code <name>.json} also validates /v2. A version
 *     that changes a few keywords is {@code <name>.v2.N.patch.json}, a JSON Patch (RFC 6902)
 *     against the version before it (new keys land last, so write one in full when a new
 *     property must sit between existing ones). Write
 *     keywords in nova's order (errors are reported in that order) and always state
 *     {@code additionalProperties}. Shared types:
 *     {@code {"$ref": "parameter-types.json#/definitions/name"}} (see
 *     {@code validation/parameter-types.json}; query forms {@code multi_string},
 *     {@code multi_non_negative_integer}, ...).</li>
 * <li>Errors: throw {@link org.jnova.exception.NovaException} subclasses with nova's message;
 *     the code must be listed in {@code @ExpectedErrors} (403 always passes) or the caller gets
 *     nova's 500 "Unexpected API Error".</li>
 * <li>Links: {@code req.applicationUrl()} (http://host/v2.1) for "self",
 *     {@code req.hostUrl()} for "bookmark".</li>
 * <li>Tests: build the router with your controller, call it with
 *     {@code org.jnova.testing.TestRequests.v21(...)} and check every response with
 *     {@code OpenApiConformance.get().assertConforms(method, "/v2.1/...", version, response)}.</li>
 * </ul>
 */
package org.jnova.api.openstack;
