package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jnova.db.MigrationStore;
import org.jnova.objects.Migration;
import org.jnova.objects.MigrationFilter;

/** Reads servers' migrations (os-migrations and a server's migrations). */
public final class MigrationsApi {
    private final MigrationStore store;

    public MigrationsApi(MigrationStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /** Visible migrations matching {@code filter}, in id order. */
    public List<Migration> search(MigrationFilter filter) {
        return store.search(filter);
    }

    /**
     * One page of {@link #search}, newest first, after the migration whose uuid is {@code marker}.
     *
     * @throws org.jnova.exception.Invalid "Marker X could not be found." when no such migration
     */
    public List<Migration> page(MigrationFilter filter, String marker, int limit) {
        return store.page(filter, marker, limit);
    }

    /** An instance's migrations of one type in one of {@code statuses}, oldest first. */
    public List<Migration> inProgress(String instanceUuid, String migrationType, Collection<String> statuses) {
        return store.inProgress(instanceUuid, migrationType, statuses);
    }

    public Optional<Migration> byId(int id) {
        return store.byId(id);
    }
}
