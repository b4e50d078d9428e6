package org.jnova.api.openstack.identity.projects;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jnova.api.openstack.identity.support.IdentityCall;

/**
 * Keystone's tag filters of the project list, each a comma-separated list: {@code tags} (has
 * all), {@code tags-any} (has one), {@code not-tags} (lacks one at least), {@code not-tags-any}
 * (has none).
 */
final class ProjectTagFilters {
    private ProjectTagFilters() {
    }

    static Predicate<List<String>> of(IdentityCall call) {
        Optional<List<String>> all = list(call, "tags");
        Optional<List<String>> any = list(call, "tags-any");
        Optional<List<String>> notAll = list(call, "not-tags");
        Optional<List<String>> notAny = list(call, "not-tags-any");
        return tags -> all.map(tags::containsAll).orElse(true)
                && any.map(wanted -> wanted.stream().anyMatch(tags::contains)).orElse(true)
                && notAll.map(unwanted -> !tags.containsAll(unwanted)).orElse(true)
                && notAny.map(unwanted -> unwanted.stream().noneMatch(tags::contains)).orElse(true);
    }

    private static Optional<List<String>> list(IdentityCall call, String name) {
        return call.query(name).map(value -> Arrays.asList(value.split(",", -1)));
    }
}
