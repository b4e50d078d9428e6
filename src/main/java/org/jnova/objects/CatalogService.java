package org.jnova.objects;

import java.util.List;

/** A service of the Identity catalog with its enabled endpoints. */
public record CatalogService(String id, String type, String name, List<CatalogEndpoint> endpoints) {
    public CatalogService {
        endpoints = List.copyOf(endpoints);
    }
}
