package org.jnova.api.openstack.compute.removed;

import java.util.List;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.Handles;

/**
 * The APIs nova removed with nova-network, cells v1, XenAPI and nova-console: every route of
 * these resources answers 410, at every microversion, without a policy check or body validation
 * (nova's removed controllers check nothing and their schemas accept anything).
 */
public final class RemovedApiController {
    /** nova's controller names of the removed resources (body actions: {@link FixedIpActionsGone}). */
    public static final List<String> RESOURCES = List.of(
            "agents",                        // 22.0.0, XenAPI
            "cells",                         // 20.0.0, cells v1
            "certificates",                  // 16.0.0, nova-cert
            "cloudpipe",                     // 16.0.0, nova-network
            "consoles",                      // 21.0.0, XVP consoles
            "fixed_ips",                     // 18.0.0, nova-network
            "floating_ip_dns",               // 18.0.0, nova-network
            "floating_ip_dnsentry",          // 18.0.0, nova-network
            "floating_ips_bulk",             // 18.0.0, nova-network
            "fping",                         // 18.0.0, nova-network
            "security_group_default_rules",  // 21.0.0, nova-network
            "virtual_interfaces");           // 18.0.0, nova-network

    @ExpectedErrors(410)
    public Object index(ApiRequest req) {
        throw Gone.error();
    }

    @ExpectedErrors(410)
    public Object detail(ApiRequest req) {
        throw Gone.error();
    }

    @ExpectedErrors(410)
    public Object show(ApiRequest req) {
        throw Gone.error();
    }

    @ExpectedErrors(410)
    public Object create(ApiRequest req) {
        throw Gone.error();
    }

    @ExpectedErrors(410)
    public Object update(ApiRequest req) {
        throw Gone.error();
    }

    @ExpectedErrors(410)
    public Object delete(ApiRequest req) {
        throw Gone.error();
    }

    @ExpectedErrors(410)
    public Object info(ApiRequest req) {
        throw Gone.error();
    }

    @ExpectedErrors(410)
    public Object capacities(ApiRequest req) {
        throw Gone.error();
    }

    @ExpectedErrors(410)
    @Handles("sync_instances")
    public Object syncInstances(ApiRequest req) {
        throw Gone.error();
    }
}
