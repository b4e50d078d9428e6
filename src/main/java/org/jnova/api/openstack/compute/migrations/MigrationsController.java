package org.jnova.api.openstack.compute.migrations;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.compute.links.Links;
import org.jnova.api.openstack.QueryValues;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.compute.MigrationsApi;
import org.jnova.exception.Invalid;
import org.jnova.objects.Migration;
import org.jnova.objects.MigrationFilter;
import org.jnova.utils.IsoTimes;

/**
 * os-migrations (nova/api/openstack/compute/migrations.py): the migration records with nova's
 * filters (status, host, source_compute, migration_type, instance_uuid; changes-since, limit
 * and marker from 2.59; changes-before from 2.66; user_id/project_id from 2.80). Before 2.59
 * the list is in id order; from 2.59 newest first (created_at, id descending) and paged.
 */
public final class MigrationsController {
    private static final String POLICY = "os_compute_api:os-migrations:";
    private final MigrationsApi migrations;
    private final Links links;
    private final int maxLimit;
    private final MigrationView view;

    public MigrationsController(MigrationsApi migrations, Links links) {
        this.migrations = requireNonNull(migrations, "migrations is null");
        this.links = requireNonNull(links, "links is null");
        this.maxLimit = links.maxLimit();
        this.view = new MigrationView(links);
    }

    @ExpectedErrors(400)
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        req.authorizeProject(POLICY + "index");
        boolean paged = req.isSupported("2.59");
        Instant since = paged ? QueryValues.last(req, "changes-since").map(MigrationsController::parse).orElse(null)
                : null;
        Instant before = req.isSupported("2.66")
                ? QueryValues.last(req, "changes-before").map(MigrationsController::parse).orElse(null) : null;
        if (since != null && before != null && before.isBefore(since)) {
            throw new Invalid("The value of changes-since must be less than or equal to changes-before.");
        }
        boolean userProject = req.isSupported("2.80");
        var filter = new MigrationFilter(value(req, "status"), value(req, "host"), value(req, "source_compute"),
                value(req, "migration_type"), value(req, "instance_uuid"),
                userProject ? value(req, "user_id") : null, userProject ? value(req, "project_id") : null, since,
                before);
        // nova filters on the hidden column with the text given, then drops hidden rows from the answer:
        // only "0" (not hidden) can leave anything to show
        boolean none = QueryValues.last(req, "hidden").filter(h -> !h.equals("0")).isPresent();
        if (!paged) {
            return Map.of("migrations", view.list(req, none ? List.of() : migrations.search(filter)));
        }
        int limit = QueryValues.lastInt(req, "limit").map(l -> Math.min(l, maxLimit)).orElse(maxLimit);
        List<Migration> page = migrations.page(filter, QueryValues.last(req, "marker").orElse(null), none ? 0 : limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("migrations", view.list(req, page));
        if (!page.isEmpty()) {
            var next = links.collectionLinks(req, page.size(), page.getLast().uuid(), "os-migrations");
            if (!next.isEmpty()) {
                body.put("migrations_links", next);
            }
        }
        return body;
    }

    private static String value(ApiRequest req, String name) {
        return QueryValues.last(req, name).orElse(null);
    }

    private static Instant parse(String text) {
        // the schema's date-time format accepted it; when unreadable here, do not filter by it
        return IsoTimes.parseIsoTime(text).orElse(null);
    }
}
