package org.jnova.api.openstack.compute.flavors;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.QueryValues;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.compute.FlavorsApi;
import org.jnova.exception.Forbidden;
import org.jnova.exception.InvalidInput;
import org.jnova.exception.NotFound;
import org.jnova.objects.Flavor;
import org.jnova.utils.BoolFromString;
import org.jnova.utils.PythonRegex;

/**
 * {@code GET /flavors}, {@code /flavors/detail}, {@code /flavors/{id}} (nova's flavors.py):
 * admins may filter on is_public (a "none" value lists every flavor), others see public
 * flavors and those their project was given; minRam, minDisk, sort_key/sort_dir,
 * limit/marker with a "next" link.
 */
public final class FlavorsController {
    /** nova's rule deciding whether flavor bodies carry extra_specs from 2.61. */
    public static final String EXTRA_SPECS_INDEX = "os_compute_api:os-flavor-extra-specs:index";

    private final FlavorsApi flavors;
    private final FlavorView view;

    public FlavorsController(FlavorsApi flavors, FlavorView view) {
        this.flavors = requireNonNull(flavors, "flavors is null");
        this.view = requireNonNull(view, "view is null");
    }

    /** Whether the caller may see extra specs in flavor bodies (2.61+), a non-fatal policy check. */
    public static boolean showsExtraSpecs(ApiRequest req) {
        if (!req.isSupported("2.61")) {
            return false;
        }
        try {
            req.authorizeProject(EXTRA_SPECS_INDEX);
            return true;
        } catch (Forbidden denied) {
            return false;
        }
    }

    @ExpectedErrors(400)
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        return view.list(req, query(req), false, false);
    }

    @ExpectedErrors(400)
    @QuerySchema("index.query")
    public Object detail(ApiRequest req) {
        return view.list(req, query(req), true, showsExtraSpecs(req));
    }

    @ExpectedErrors(404)
    @QuerySchema("show.query")
    public Object show(ApiRequest req) {
        Flavor f = visible(flavors, req, req.pathParam("id"));
        return view.single(req, f, showsExtraSpecs(req));
    }

    private List<Flavor> query(ApiRequest req) {
        var ctx = req.context();
        String sortKey = req.query("sort_key").filter(s -> !s.isEmpty()).orElse("flavorid");
        if (sortKey.equals("vcpu_weight")) {
            sortKey = "id"; // jnova keeps no vcpu_weight: every flavor has none, as nova's usually do
        }
        String sortDir = req.query("sort_dir").filter(s -> !s.isEmpty()).orElse("asc");
        int limit = view.links().limit(req);
        String marker = QueryValues.last(req, "marker").orElse(null);
        Boolean isPublic = ctx.isAdmin() ? parseIsPublic(req.query("is_public").orElse(null)) : Boolean.TRUE;
        java.math.BigInteger minRam = intFilter(req, "minRam");
        java.math.BigInteger minDisk = intFilter(req, "minDisk");
        if (marker != null) {
            try {
                visible(flavors, req, marker);
            } catch (NotFound e) {
                throw new InvalidInput("marker [" + marker + "] not found");
            }
        }
        if (aboveEveryColumn(minRam) || aboveEveryColumn(minDisk)) {
            return List.of();
        }
        java.util.function.Predicate<String> nameMatches = null;
        java.util.Optional<String> wanted = QueryValues.last(req, "name");
        if (req.isSupported("2.102") && wanted.isPresent()) {
            // nova: the name is a regular expression the database searches with
            com.google.re2j.Pattern name = PythonRegex.searcher(wanted.get());
            nameMatches = n -> n != null && name.matcher(n).find();
        }
        return flavors.list(isPublic, ctx.projectId().orElse(null), columnBound(minRam), columnBound(minDisk),
                nameMatches, sortKey, !"desc".equals(sortDir), limit, marker);
    }

    /** nova's common.get_flavor: the flavor, or 404 when it is private to other projects. */
    public static Flavor visible(FlavorsApi flavors, ApiRequest req, String flavorId) {
        var ctx = req.context();
        return flavors.get(flavorId, ctx.projectId().orElse(null), ctx.isAdmin());
    }

    private static Boolean parseIsPublic(String value) {
        if (value == null) {
            return Boolean.TRUE;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("none")) {
            return null;
        }
        return BoolFromString.parseStrict(v).orElseThrow(() -> new InvalidInput("Invalid is_public filter [" + value + "]"));
    }

    /** nova's int(req.params[name]): any size; beyond the int columns' range nothing (or everything) is bigger. */
    private static java.math.BigInteger intFilter(ApiRequest req, String name) {
        String raw = QueryValues.last(req, name).orElse(null);
        if (raw == null) {
            return null;
        }
        return QueryValues.pythonInt(raw).orElseThrow(() -> new InvalidInput("Invalid " + name + " filter [" + raw
                + "]"));
    }

    private static Integer columnBound(java.math.BigInteger value) {
        return value == null ? null : QueryValues.saturatedInt(value);
    }

    private static boolean aboveEveryColumn(java.math.BigInteger value) {
        return value != null && value.compareTo(java.math.BigInteger.valueOf(Integer.MAX_VALUE)) > 0;
    }
}
