package org.jnova.api.openstack.compute.removed;

import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ExpectedErrors;

/** os-networks' removed actions (nova's networks and networks_associate modules). */
public final class NetworkActionsGone {
    @ExpectedErrors(410)
    @Action("disassociate")
    public void disassociate(ApiRequest req) {
        throw Gone.error();
    }

    @ExpectedErrors(410)
    @Action("disassociate_host")
    public void disassociateHost(ApiRequest req) {
        throw Gone.error();
    }

    @ExpectedErrors(410)
    @Action("disassociate_project")
    public void disassociateProject(ApiRequest req) {
        throw Gone.error();
    }

    @ExpectedErrors(410)
    @Action("associate_host")
    public void associateHost(ApiRequest req) {
        throw Gone.error();
    }
}
