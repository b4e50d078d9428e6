package org.jnova.api.openstack;

import java.util.ArrayList;
import java.util.List;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Middleware;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;

/**
 * The {@code legacy_v2_compatible} filter (nova's {@code LegacyV2CompatibleWrapper}) in front
 * of the 2.1 API on {@code /v2}: marks the request as legacy v2 (no microversions, 2.1
 * semantics, unknown body properties dropped instead of refused), removes the microversion
 * headers from the request and from the response, including their Vary entries.
 */
public final class LegacyV2CompatibleWrapper implements Middleware {
    /** Request attribute: Boolean.TRUE for requests through /v2. */
    public static final String LEGACY_V2 = "openstack.legacy_v2";
    /** The paste factory name nova's api-paste.ini uses. */
    public static final String PASTE_FACTORY = "nova.api.openstack:LegacyV2CompatibleWrapper.factory";

    public static boolean isLegacyV2(Request request) {
        return request.<Boolean>attribute(LEGACY_V2).orElse(Boolean.FALSE);
    }

    @Override
    public App wrap(App next) {
        return request -> {
            request.setAttribute(LEGACY_V2, Boolean.TRUE);
            request.headers().remove(Microversions.API_VERSION_HEADER);
            request.headers().remove(Microversions.LEGACY_API_VERSION_HEADER);
            Response response = next.handle(request);
            response.headers().remove(Microversions.API_VERSION_HEADER);
            response.headers().remove(Microversions.LEGACY_API_VERSION_HEADER);
            List<String> kept = new ArrayList<>();
            for (String vary : response.headers().all("Vary")) {
                for (String item : vary.split(",")) {
                    String name = item.trim();
                    if (!name.isEmpty() && !name.equals(Microversions.API_VERSION_HEADER)
                            && !name.equals(Microversions.LEGACY_API_VERSION_HEADER)) {
                        kept.add(name);
                    }
                }
            }
            response.headers().remove("Vary");
            if (!kept.isEmpty()) {
                response.headers().set("Vary", String.join(",", kept));
            }
            return response;
        };
    }
}
