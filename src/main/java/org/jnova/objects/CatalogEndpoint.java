package org.jnova.objects;

/** One endpoint of a catalog service: an interface (public, internal, admin) in a region at a URL. */
public record CatalogEndpoint(String id, String serviceId, String interfaceName, String regionId, String url) {
}
