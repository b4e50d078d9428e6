package org.jnova.api.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jnova.testing.TestRequests.v21;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jnova.api.RequestAttributes;
import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.api.openstack.compute.ComputeRoutes.RouteSpec;
import org.jnova.api.openstack.fixtures.WidgetActionsController;
import org.jnova.api.openstack.fixtures.WidgetsController;
import org.jnova.api.openstack.wsgi.ResourceSupport;
import org.jnova.exception.Forbidden;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.junit.jupiter.api.Test;

class RouterAndResourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<RouteSpec> WIDGET_ROUTES = List.of(
            new RouteSpec("/", "GET", "versions", "show"),
            new RouteSpec("/widgets", "GET", "widgets", "index"),
            new RouteSpec("/widgets", "POST", "widgets", "create"),
            new RouteSpec("/widgets/detail", "GET", "widgets", "detail"),
            new RouteSpec("/widgets/{id}", "GET", "widgets", "show"),
            new RouteSpec("/widgets/{id}", "PUT", "widgets", "update"),
            new RouteSpec("/widgets/{id}", "DELETE", "widgets", "delete"),
            new RouteSpec("/widgets/{id}/action", "POST", "widgets", "action"),
            new RouteSpec("/gadgets", "GET", "gadgets", "index"));

    private final WidgetsController widgets = new WidgetsController();
    private final WidgetActionsController actions = new WidgetActionsController();
    private final List<String> policyChecks = new ArrayList<>();
    private final App router = ApiRouterV21.builder(ResourceSupport.create(
                    new Microversions(ApiVersionRequest.MIN, ApiVersionRequest.of("2.20")),
                    (context, rule, target) -> {
                        policyChecks.add(rule + " " + target);
                        if (context.userId().equals("denied")) {
                            throw new Forbidden("Policy doesn't allow " + rule + " to be performed.");
                        }
                    }))
            .routeList(WIDGET_ROUTES)
            .controller("widgets", widgets)
            .actions("widgets", actions)
            .build();

    private Response call(Request request) throws Exception {
        return router.handle(request);
    }

    private static JsonNode json(Response response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void routesStandardActionsAndCollectionActionsBeforeMembers() throws Exception {
        assertThat(json(call(v21("GET", "/widgets", null))).at("/widgets/0/id").asText()).isEqualTo("w1");
        Response detail = call(v21("GET", "/widgets/detail", null));
        assertThat(detail.bodyText()).isEqualTo("{\"widgets\": []}");
        assertThat(json(call(v21("GET", "/widgets/abc", null))).at("/widget/id").asText()).isEqualTo("abc");
        assertThat(call(v21("DELETE", "/widgets/abc", null)).status()).isEqualTo(204);
    }

    @Test
    void sameRoutesAnswerUnderTheCallersProjectId() throws Exception {
        Response response = call(v21("GET", "/" + org.jnova.testing.TestRequests.PROJECT + "/widgets/x1", null));
        assertThat(response.status()).isEqualTo(200);
        assertThat(widgets.lastRequest.pathParams()).isEqualTo(Map.of("id", "x1"));
    }

    @Test
    void anotherProjectIdInTheUrlIs400AndANonHexOneIs404() throws Exception {
        Response other = call(v21("GET", "/0123abcd/widgets/x1", null));
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.bodyText()).isEqualTo("{\"badRequest\": {\"code\": 400, \"message\": \"Malformed request URL: URL's "
                + "project_id '0123abcd' doesn't match Context's project_id '" + org.jnova.testing.TestRequests.PROJECT
                + "'\"}}");
        assertThat(call(v21("GET", "/admin/widgets/x1", null)).status()).isEqualTo(404);
    }

    @Test
    void unknownUrlAndWrongMethodAreNovasHtml404WithoutVersionHeaders() throws Exception {
        Response unknown = call(v21("GET", "/no-such-thing", null));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers().first("Content-Type")).contains("text/html; charset=UTF-8");
        assertThat(unknown.body()).hasSize(154);
        assertThat(unknown.bodyText()).contains("<h1>404 Not Found</h1>").contains("The resource could not be found.");
        assertThat(unknown.headers().contains("OpenStack-API-Version")).isFalse();
        // nova's Routes mapper has no 405: a known path with another method is just not found
        Response wrongMethod = call(v21("PUT", "/widgets", "{}"));
        assertThat(wrongMethod.status()).isEqualTo(404);
        assertThat(wrongMethod.bodyText()).isEqualTo(unknown.bodyText());
        assertThat(call(v21("HEAD", "/widgets", null)).body()).isEmpty();
    }

    @Test
    void routesOfResourcesWithoutControllerAreNotServed() throws Exception {
        assertThat(call(v21("GET", "/gadgets", null)).status()).isEqualTo(404);
    }

    @Test
    void actionDispatchesOnTheBodysSingleKeyToAnyContributingController() throws Exception {
        Response pause = call(v21("POST", "/widgets/w9/action", "{\"pause\": null}"));
        assertThat(pause.status()).isEqualTo(202);
        assertThat(pause.body()).isEmpty();
        assertThat(actions.lastAction).isEqualTo("pause w9");

        Response unknown = call(v21("POST", "/widgets/w9/action", "{\"explode\": {}}"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(json(unknown).at("/badRequest/message").asText()).isEqualTo("There is no such action: explode");

        Response twoKeys = call(v21("POST", "/widgets/w9/action", "{\"pause\": null, \"rename\": {}}"));
        assertThat(json(twoKeys).at("/badRequest/message").asText()).isEqualTo("Malformed request body");
        Response malformed = call(v21("POST", "/widgets/w9/action", "{\"pause\": "));
        assertThat(json(malformed).at("/badRequest/message").asText()).isEqualTo("Malformed request body");
    }

    @Test
    void versionedActionIs404BelowItsVersionAndValidatedAbove() throws Exception {
        Response old = call(v21("POST", "/widgets/w9/action", "{\"rename\": {\"name\": \"a\"}}",
                "OpenStack-API-Version", "compute 2.2"));
        assertThat(old.status()).isEqualTo(404);
        assertThat(json(old).at("/itemNotFound/message").asText()).isEqualTo("The resource could not be found.");
        Response ok = call(v21("POST", "/widgets/w9/action", "{\"rename\": {\"name\": \"a\"}}",
                "OpenStack-API-Version", "compute 2.3"));
        assertThat(ok.bodyText()).isEqualTo("{\"name\": \"a\"}");
        Response tooLong = call(v21("POST", "/widgets/w9/action", "{\"rename\": {\"name\": \"abcdef\"}}",
                "OpenStack-API-Version", "compute 2.3"));
        assertThat(json(tooLong).at("/badRequest/message").asText())
                .isEqualTo("Invalid input for field/attribute name. Value: abcdef. 'abcdef' is too long");
    }

    @Test
    void methodIsChosenByVersionRange() throws Exception {
        assertThat(json(call(v21("GET", "/widgets/a", null, "OpenStack-API-Version", "compute 2.9"))).at("/widget/method")
                .asText()).isEqualTo("show");
        assertThat(json(call(v21("GET", "/widgets/a", null, "OpenStack-API-Version", "compute 2.10"))).at("/widget/method")
                .asText()).isEqualTo("showV210");
        Response tooOld = call(v21("PUT", "/widgets/a", "{}", "OpenStack-API-Version", "compute 2.4"));
        assertThat(tooOld.status()).isEqualTo(404);
        assertThat(tooOld.headers().first("OpenStack-API-Version")).contains("compute 2.4");
    }

    @Test
    void successStatusDependsOnVersionAndResultHeadersAreKept() throws Exception {
        String body = "{\"widget\": {\"name\": \"w\"}}";
        Response v21 = call(v21("POST", "/widgets", body));
        assertThat(v21.status()).isEqualTo(200);
        Response v22 = call(v21("POST", "/widgets", body, "OpenStack-API-Version", "compute 2.2"));
        assertThat(v22.status()).isEqualTo(201);
        assertThat(v22.headers().first("Location")).contains("http://localhost/v2.1/widgets/1");
        assertThat(v22.headers().first("Content-Type")).contains("application/json");
        assertThat(v22.bodyText()).isEqualTo("{\"widget\": {\"name\": \"w\"}}");
    }

    @Test
    void expectedErrorsPassOthersBecome500() throws Exception {
        Response conflict = call(v21("POST", "/widgets", "{\"widget\": {\"name\": \"taken\"}}"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.bodyText()).isEqualTo(
                "{\"conflictingRequest\": {\"code\": 409, \"message\": \"Widget taken already exists.\"}}");
        Response notExpected = call(v21("POST", "/widgets", "{\"widget\": {\"name\": \"gone\"}}"));
        assertThat(notExpected.status()).isEqualTo(500);
        assertThat(json(notExpected).at("/computeFault/message").asText()).startsWith("Unexpected API Error. Please report "
                + "this at http://bugs.launchpad.net/nova/ and attach the Nova API log if possible.\n<class '")
                .endsWith("NotFound'>");
        Response boom = call(v21("POST", "/widgets", "{\"widget\": {\"name\": \"boom\"}}"));
        assertThat(boom.status()).isEqualTo(500);
        assertThat(json(call(v21("GET", "/widgets/missing", null))).at("/itemNotFound/message").asText())
                .isEqualTo("Widget missing could not be found.");
        // nova's expected_errors lets a ValidationError pass whatever the method expects
        Response invalid = call(v21("GET", "/widgets/unstorable", null));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(json(invalid).at("/badRequest/message").asText())
                .isEqualTo("Invalid input received: NUL characters are not allowed.");
    }

    @Test
    void stepsRunInNovasOrder() throws Exception {
        // version check comes before the body: a malformed version with a malformed body is a version error
        Response badVersion = call(v21("POST", "/widgets", "{", "OpenStack-API-Version", "compute 2.latest"));
        assertThat(json(badVersion).at("/badRequest/message").asText()).startsWith("API Version String 2.latest");
        // Content-Type comes before the body
        Request xml = v21("POST", "/widgets", "{");
        xml.headers().set("Content-Type", "application/xml");
        Response unsupported = call(xml);
        assertThat(unsupported.status()).isEqualTo(415);
        assertThat(json(unsupported).at("/badMediaType/message").asText()).isEqualTo("Unsupported Content-Type");
        // text/plain is read as JSON, as nova does
        Request plain = v21("POST", "/widgets", "{\"widget\": {\"name\": \"w\"}}");
        plain.headers().set("Content-Type", "text/plain");
        assertThat(call(plain).status()).isEqualTo(200);
        // the body is parsed before the schema runs
        assertThat(json(call(v21("POST", "/widgets", "{\"widget\": "))).at("/badRequest/message").asText())
                .isEqualTo("Malformed request body");
        // the schema runs before the policy check, which runs before the call
        policyChecks.clear();
        Response invalid = call(v21("POST", "/widgets", "{\"widget\": {}}"));
        assertThat(json(invalid).at("/badRequest/message").asText())
                .isEqualTo("Invalid input for field/attribute widget. Value: {}. 'name' is a required property");
        assertThat(policyChecks).isEmpty();
        Request denied = v21("POST", "/widgets", "{\"widget\": {\"name\": \"w\"}}");
        denied.setAttribute(RequestAttributes.CONTEXT,
                org.jnova.context.RequestContext.project("denied", "p", List.of(), false, "req-1"));
        widgets.lastRequest = null;
        Response forbidden = call(denied);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(json(forbidden).at("/forbidden/message").asText())
                .isEqualTo("Policy doesn't allow widgets:create to be performed.");
        assertThat(widgets.lastRequest).isNull();
        assertThat(policyChecks).containsExactly("widgets:create {project_id=p, user_id=denied}");
    }

    @Test
    void emptyPostBodyIsNullForTheSchema() throws Exception {
        Response response = call(v21("POST", "/widgets", ""));
        assertThat(json(response).at("/badRequest/message").asText()).isEqualTo("None is not of type 'object'");
    }

    @Test
    void schemaFollowsTheVersionRanges() throws Exception {
        String noColor = "{\"widget\": {\"name\": \"w\"}}";
        assertThat(call(v21("POST", "/widgets", noColor, "OpenStack-API-Version", "compute 2.4")).status()).isEqualTo(201);
        Response v25 = call(v21("POST", "/widgets", noColor, "OpenStack-API-Version", "compute 2.5"));
        assertThat(json(v25).at("/badRequest/message").asText())
                .isEqualTo("Invalid input for field/attribute widget. Value: {'name': 'w'}. 'color' is a required property");
    }

    @Test
    void querySchemaValidatesAndDropsUnknownParameters() throws Exception {
        Response bad = call(v21("GET", "/widgets?limit=-1", null));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(json(bad).at("/badRequest/message").asText())
                .isEqualTo("Invalid input for query parameters limit. Value: -1. '-1' does not match '^[0-9]*$'");
        call(v21("GET", "/widgets?limit=2&marker=m&bogus=1", null));
        assertThat(widgets.lastRequest.queryParams()).containsOnlyKeys("limit", "marker");
        assertThat(widgets.lastRequest.query("limit")).contains("2");
    }

    @Test
    void routeTableNamingAMissingActionFailsAtBuild() {
        assertThatThrownBy(() -> ApiRouterV21.builder(ResourceSupport.create(Microversions.defaults(), PolicyCheck.ALLOW_ALL))
                .routeList(List.of(new RouteSpec("/widgets/{id}/frob", "POST", "widgets", "frob")))
                .controller("widgets", new WidgetsController())
                .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("resource widgets has no action frob");
    }

    @Test
    void theRealRouteTableBuildsAndServesVersionsAndExtensions() throws Exception {
        ApiRouterV21 real = ApiRouterV21.builder(ResourceSupport.create(Microversions.defaults(), PolicyCheck.ALLOW_ALL))
                .build();
        assertThat(real.resourceNames()).contains("versions", "extensions");
        assertThat(real.handle(v21("GET", "/extensions/os-agents", null)).status()).isEqualTo(200);
        assertThat(real.handle(v21("GET", "/servers", null)).status()).isEqualTo(404);
    }
}
