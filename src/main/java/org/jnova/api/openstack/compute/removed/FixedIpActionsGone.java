package org.jnova.api.openstack.compute.removed;

import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ExpectedErrors;

/** os-fixed-ips' removed reserve and unreserve actions. */
public final class FixedIpActionsGone {
    @ExpectedErrors(410)
    @Action("reserve")
    public void reserve(ApiRequest req) {
        throw Gone.error();
    }

    @ExpectedErrors(410)
    @Action("unreserve")
    public void unreserve(ApiRequest req) {
        throw Gone.error();
    }
}
