package org.jnova.objects;

import java.time.Instant;
import java.util.List;

/**
 * What a server list asks for, as nova's search_opts after the API layer mapped them.
 * Null fields do not filter. {@code projectId} null means all projects (admin
 * all_tenants). {@code name} is matched as a substring (nova matches a regex).
 */
public record InstanceFilter(String projectId, String userId, String name, List<String> vmStates, String host,
        String node, String flavorId, String imageRef, String reservationId, Instant changesSince,
        Instant changesBefore, Boolean deleted, String availabilityZone, List<String> uuids, List<String> tags,
        List<String> tagsAny, List<String> notTags, List<String> notTagsAny, Boolean locked,
        List<String> taskStates) {

    public static InstanceFilter project(String projectId) {
        return builder().projectId(projectId).build();
    }

    /** A builder holding this filter's values, to change some of them. */
    public Builder toBuilder() {
        return builder().projectId(projectId).userId(userId).name(name).vmStates(vmStates).host(host).node(node)
                .flavorId(flavorId).imageRef(imageRef).reservationId(reservationId).changesSince(changesSince)
                .changesBefore(changesBefore).deleted(deleted).availabilityZone(availabilityZone).uuids(uuids)
                .tags(tags).tagsAny(tagsAny).notTags(notTags).notTagsAny(notTagsAny).locked(locked)
                .taskStates(taskStates);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent construction; every field optional. */
    public static final class Builder {
        private String projectId;
        private String userId;
        private String name;
        private List<String> vmStates;
        private String host;
        private String node;
        private String flavorId;
        private String imageRef;
        private String reservationId;
        private Instant changesSince;
        private Instant changesBefore;
        private Boolean deleted = Boolean.FALSE;
        private String availabilityZone;
        private List<String> uuids;
        private List<String> tags;
        private List<String> tagsAny;
        private List<String> notTags;
        private List<String> notTagsAny;
        private Boolean locked;
        private List<String> taskStates;

        public Builder projectId(String v) { projectId = v; return this; }
        public Builder userId(String v) { userId = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder vmStates(List<String> v) { vmStates = v; return this; }
        public Builder host(String v) { host = v; return this; }
        public Builder node(String v) { node = v; return this; }
        public Builder flavorId(String v) { flavorId = v; return this; }
        public Builder imageRef(String v) { imageRef = v; return this; }
        public Builder reservationId(String v) { reservationId = v; return this; }
        public Builder changesSince(Instant v) { changesSince = v; return this; }
        public Builder changesBefore(Instant v) { changesBefore = v; return this; }
        /** TRUE: only deleted; FALSE (default): only live; null: both (as changes-since does). */
        public Builder deleted(Boolean v) { deleted = v; return this; }
        public Builder availabilityZone(String v) { availabilityZone = v; return this; }
        public Builder uuids(List<String> v) { uuids = v; return this; }
        public Builder tags(List<String> v) { tags = v; return this; }
        public Builder tagsAny(List<String> v) { tagsAny = v; return this; }
        public Builder notTags(List<String> v) { notTags = v; return this; }
        public Builder notTagsAny(List<String> v) { notTagsAny = v; return this; }
        public Builder locked(Boolean v) { locked = v; return this; }
        /** Only instances whose task_state is one of these (for ?status=REBOOT and such). */
        public Builder taskStates(List<String> v) { taskStates = v; return this; }

        public InstanceFilter build() {
            return new InstanceFilter(projectId, userId, name, vmStates, host, node, flavorId, imageRef,
                    reservationId, changesSince, changesBefore, deleted, availabilityZone, uuids, tags, tagsAny,
                    notTags, notTagsAny, locked, taskStates);
        }
    }
}
