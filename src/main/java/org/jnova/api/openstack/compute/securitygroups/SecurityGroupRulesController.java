package org.jnova.api.openstack.compute.securitygroups;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.ApiVersion;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.SecurityGroupRules;
import org.jnova.compute.SecurityGroupRules.NewRule;
import org.jnova.compute.SecurityGroupsApi;
import org.jnova.exception.Invalid;
import org.jnova.objects.SecurityGroup;
import org.jnova.objects.SecurityGroupRule;
import org.jnova.utils.JsonMappers;
import org.jnova.utils.PythonText;

/** os-security-group-rules, nova's proxy to the network service's rules (2.1 to 2.35; 404 after). */
public final class SecurityGroupRulesController {
    private static final String MAX = "2.35";
    private final SecurityGroupsApi groups;

    public SecurityGroupRulesController(SecurityGroupsApi groups) {
        this.groups = requireNonNull(groups, "groups is null");
    }

    @ApiVersion(min = "2.1", max = MAX)
    @ExpectedErrors({400, 403, 404})
    @RequestSchema("create_rule")
    public Object create(ApiRequest req) {
        authorize(req, "rule:create");
        JsonNode rule = req.body().path("security_group_rule");
        SecurityGroup parent = groups.get(req.context(), rule.path("parent_group_id").asText());
        String groupId = rule.hasNonNull("group_id") ? rule.path("group_id").asText() : null;
        SecurityGroup source = groupId == null ? null : groups.get(req.context(), groupId);
        String cidr = groupId == null ? SecurityGroupRules.parseCidr(cidr(rule.path("cidr"))) : null;
        NewRule built = SecurityGroupRules.build(groupId, cidr, protocol(rule.path("ip_protocol")),
                port(rule.path("from_port")), port(rule.path("to_port")));
        if (built == null) {
            throw new Invalid("Not enough parameters to build a valid rule.");
        }
        SecurityGroupRules.checkPrefix(built);
        SecurityGroupRule created = groups.addRule(req.context(), parent, built);
        return Map.of("security_group_rule", SecurityGroupView.rule(created, source != null ? source
                : created.remoteGroupId() != null ? parent : null));
    }

    @ApiVersion(min = "2.1", max = MAX)
    @Response(202)
    @ExpectedErrors({400, 404, 409})
    public void delete(ApiRequest req) {
        authorize(req, "rule:delete");
        String id = SecurityGroupsController.validId(req.pathParam("id"));
        groups.deleteRule(req.context(), groups.getRule(req.context(), id));
    }

    /** A truthy ip_protocol as Python's str() writes it, else null. */
    private static String protocol(JsonNode v) {
        return truthy(v) ? (v.isTextual() ? v.asText() : pythonStr(v)) : null;
    }

    /** A port's text (null when absent or null): what Python's int() is given. */
    private static String port(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? "1" : "0";
        }
        if (v.isNumber()) {
            return v.bigIntegerValue().toString();
        }
        return v.isTextual() ? v.asText() : "not an integer";
    }

    /** A truthy cidr's text; a value that is not text is not a network. */
    private static String cidr(JsonNode v) {
        if (!truthy(v)) {
            return null;
        }
        if (!v.isTextual()) {
            throw new Invalid(pythonStr(v) + " is not a valid IP network.");
        }
        return v.asText();
    }

    private static String pythonStr(JsonNode v) {
        return PythonText.str(JsonMappers.standard().convertValue(v, Object.class));
    }

    private static boolean truthy(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber()) {
            return v.decimalValue().signum() != 0;
        }
        return v.isTextual() ? !v.asText().isEmpty() : v.size() > 0;
    }

    private static void authorize(ApiRequest req, String rule) {
        req.authorizeProject("os_compute_api:os-security-groups:" + rule);
    }
}
