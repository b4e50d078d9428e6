package org.jnova.api.metadata;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.objects.Instance;

/**
 * vendor_data.json and vendor_data2.json from the providers of [api] vendordata_providers:
 * StaticJSON (the file of [api] vendordata_jsonfile_path, read when the instance's metadata
 * is built) and DynamicJSON (the REST services of [api] vendordata_dynamic_targets, asked at
 * each read).
 */
final class VendorData {
    static final String STATIC = "StaticJSON";
    static final String DYNAMIC = "DynamicJSON";

    private final List<String> providers;
    private final JsonNode staticJson;
    private final DynamicVendorData dynamic;

    VendorData(List<String> providers, JsonNode staticJson, DynamicVendorData dynamic) {
        this.providers = List.copyOf(providers);
        this.staticJson = requireNonNull(staticJson, "staticJson is null");
        this.dynamic = requireNonNull(dynamic, "dynamic is null");
    }

    /** vendor_data.json: the static JSON; absent when StaticJSON is not a provider. */
    Optional<JsonNode> legacy() {
        return providers.contains(STATIC) ? Optional.of(staticJson) : Optional.empty();
    }

    /** vendor_data2.json: {"static": ..., "<target name>": ...} in provider order; first name wins. */
    Map<String, Object> combined(Instance instance, String hostname) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String provider : providers) {
            if (STATIC.equals(provider)) {
                out.put("static", staticJson);
            } else if (DYNAMIC.equals(provider)) {
                dynamic.fetch(instance).forEach(out::putIfAbsent);
            }
        }
        return out;
    }
}
