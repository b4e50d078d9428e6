package org.jnova.share;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.context.RequestContext;
import org.jnova.objects.Share;

/**
 * The manila calls nova makes for server shares (nova.share.manila.API.get), answered from a
 * fixed catalog the operator lists in {@code [jnova_shares] shares}. As with manila, a share
 * is visible to its project and to admins; granting and revoking access needs no work here.
 */
public final class ShareCatalog {
    private final Map<String, Share> shares;

    private ShareCatalog(Map<String, Share> shares) {
        this.shares = Map.copyOf(shares);
    }

    /**
     * Reads entries {@code <share id>:<project id>:<status>:<protocol>:<export location>}; the
     * export location is the rest of the entry (it may hold colons), none when empty.
     */
    public static ShareCatalog of(List<String> entries) {
        Map<String, Share> out = new LinkedHashMap<>();
        for (String entry : entries) {
            String[] parts = entry.split(":", 5);
            if (parts.length < 4 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()
                    || parts[3].isBlank()) {
                throw new IllegalArgumentException("[jnova_shares] shares: '" + entry + "' is not "
                        + "<share id>:<project id>:<status>:<protocol>:<export location>");
            }
            String location = parts.length == 5 && !parts[4].isEmpty() ? parts[4] : null;
            out.put(parts[0], new Share(parts[0], parts[1], parts[2], parts[3], location));
        }
        return new ShareCatalog(out);
    }

    /** The share as the caller may see it. */
    public Optional<Share> get(RequestContext ctx, String shareId) {
        return Optional.ofNullable(shares.get(shareId))
                .filter(s -> ctx.isAdmin() || ctx.projectId().map(s.projectId()::equals).orElse(false));
    }
}
