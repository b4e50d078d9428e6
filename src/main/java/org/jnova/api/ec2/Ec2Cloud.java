package org.jnova.api.ec2;

import java.util.HashMap;
import java.util.Map;
import org.jnova.api.ec2.addresses.AddressesActions;
import org.jnova.api.ec2.images.ImagesActions;
import org.jnova.api.ec2.protocol.Ec2Action;
import org.jnova.api.ec2.protocol.Ec2Executor;
import org.jnova.api.ec2.instances.InstancesActions;
import org.jnova.api.ec2.keypairs.KeyPairsActions;
import org.jnova.api.ec2.regions.RegionsActions;
import org.jnova.api.ec2.securitygroups.SecurityGroupsActions;
import org.jnova.api.ec2.tags.TagsActions;
import org.jnova.api.ec2.volumes.VolumesActions;

/** nova's {@code CloudController}: every action the EC2 API answers, by name. */
public final class Ec2Cloud {
    private Ec2Cloud() {
    }

    public static Ec2Executor executor(RegionsActions regions, InstancesActions instances, ImagesActions images,
            KeyPairsActions keyPairs, TagsActions tags, SecurityGroupsActions securityGroups,
            AddressesActions addresses, VolumesActions volumes) {
        Map<String, Ec2Action> actions = new HashMap<>();
        regions.register(actions);
        instances.register(actions);
        images.register(actions);
        keyPairs.register(actions);
        tags.register(actions);
        securityGroups.register(actions);
        addresses.register(actions);
        volumes.register(actions);
        return new Ec2Executor(actions);
    }
}
