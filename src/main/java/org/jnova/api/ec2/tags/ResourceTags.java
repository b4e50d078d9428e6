package org.jnova.api.ec2.tags;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jnova.context.RequestContext;

/**
 * The tags of one kind of resource (instances, volumes, snapshots): where they are kept, the
 * caller's resources of that kind and the policy rules that guard them.
 */
interface ResourceTags {
    /** EC2's resource type: {@code instance}, {@code volume}, {@code snapshot}. */
    String type();

    /** The prefix of the kind's ids: {@code i}, {@code vol}, {@code snap}. */
    String prefix();

    /** The caller's resource {@code ec2Id} names (well formed); the kind's NotFound error otherwise. */
    Tagged find(RequestContext ctx, String ec2Id);

    /** The caller's project's resources of this kind, after the kind's read rule. */
    List<Tagged> list(RequestContext ctx);

    /** Adds or replaces tags, after the kind's write rule. */
    void add(RequestContext ctx, Tagged resource, Map<String, String> tags);

    /** Removes tags by key, after the kind's write rule. */
    void remove(RequestContext ctx, Tagged resource, Collection<String> keys);

    /** One resource as the tag calls see it: its EC2 id, its uuid, its project and its tags. */
    record Tagged(String ec2Id, String uuid, String projectId, Map<String, String> tags) {
        public Tagged {
            tags = Map.copyOf(tags);
        }
    }
}
