package org.jnova.api.ec2.protocol;

import org.jnova.compute.ComputeErrors;
import org.jnova.compute.ServersApi;
import org.jnova.context.RequestContext;
import org.jnova.ec2.Ec2Ids;
import org.jnova.objects.Instance;

/** The caller's instance an EC2 id names, for every action that takes an {@code InstanceId}. */
public final class InstanceLookup {
    private InstanceLookup() {
    }

    /** The instance, or InvalidInstanceID.NotFound when there is none the caller may see. */
    public static Instance find(ServersApi servers, Ec2Ids ids, RequestContext ctx, String ec2Id) {
        return find(servers, ids, ctx, ec2Id, false);
    }

    /** As {@link #find}; {@code readDeleted}: a terminated instance is found too. */
    public static Instance find(ServersApi servers, Ec2Ids ids, RequestContext ctx, String ec2Id,
            boolean readDeleted) {
        try {
            return servers.get(ctx, ids.instanceUuid(ec2Id).orElseThrow(() -> new ComputeErrors.InstanceNotFound(
                    ec2Id)), readDeleted);
        } catch (ComputeErrors.InstanceNotFound e) {
            throw Ec2Error.client("InvalidInstanceID.NotFound", "The instance ID '" + ec2Id + "' does not exist");
        }
    }
}
