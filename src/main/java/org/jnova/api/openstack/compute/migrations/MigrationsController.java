package org.jnova.api.openstack.compute.migrations;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.compute.services.QueryValues;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.context.RequestContext;
import org.jnova.exception.Invalid;

/**
 * os-migrations (nova/api/openstack/compute/migrations.py). jnova does not migrate servers
 * yet, so there are no migration records: the list is always empty, but the filters
 * (status, host, source_compute, migration_type, instance_uuid, hidden; changes-since,
 * limit and marker from 2.59; changes-before from 2.66; user_id/project_id from 2.80) are
 * validated and answered as nova does, including its 400 for an unknown marker.
 */
public final class MigrationsController {
    private static final String POLICY = "os_compute_api:os-migrations:";

    @ExpectedErrors(400)
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        RequestContext ctx = req.context();
        req.authorize(POLICY + "index", Map.of("project_id", ctx.projectId().orElse("")));
        if (req.isSupported("2.66")) {
            var since = req.query("changes-since").map(MigrationsController::parse);
            var before = req.query("changes-before").map(MigrationsController::parse);
            if (since.isPresent() && before.isPresent() && before.get().isBefore(since.get())) {
                throw new Invalid("The value of changes-since must be less than or equal to changes-before.");
            }
        }
        if (req.isSupported("2.59")) {
            var marker = QueryValues.last(req, "marker");
            if (marker.isPresent()) {
                // no migration can be the marker while there are none
                throw new Invalid("Marker " + marker.get() + " could not be found.");
            }
        }
        return Map.of("migrations", List.of());
    }

    private static OffsetDateTime parse(String text) {
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$") ? t : t + "Z");
        } catch (DateTimeParseException e) {
            // the schema's date-time format accepted it; compare it as given
            return OffsetDateTime.MIN;
        }
    }
}
