package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import org.jnova.db.InstanceStore;
import org.jnova.db.InstanceUpdate;
import org.jnova.db.KeyPairStore;
import org.jnova.db.PortStore;
import org.jnova.ec2.Ec2Ids;
import org.jnova.objects.Instance;
import org.jnova.objects.KeyPair;

/** What the metadata service and the config drive read and write about a guest. */
public final class GuestDataApi {
    private final InstanceStore instances;
    private final KeyPairStore keyPairs;
    private final PortStore ports;
    private final Ec2Ids ec2Ids;

    public GuestDataApi(InstanceStore instances, KeyPairStore keyPairs, PortStore ports, Ec2Ids ec2Ids) {
        this.instances = requireNonNull(instances, "instances is null");
        this.keyPairs = requireNonNull(keyPairs, "keyPairs is null");
        this.ports = requireNonNull(ports, "ports is null");
        this.ec2Ids = requireNonNull(ec2Ids, "ec2Ids is null");
    }

    /** The live instance. */
    public Optional<Instance> instance(String uuid) {
        return instances.get(uuid, false);
    }

    /** The live instance whose oldest live port has fixed IP {@code address}. */
    public Optional<Instance> instanceWithFixedIp(String address) {
        return ports.instancesWithFixedIp(address).stream().findFirst().flatMap(uuid -> instances.get(uuid, false));
    }

    public Optional<KeyPair> keyPair(String userId, String name) {
        return keyPairs.get(userId, name);
    }

    /** The EC2 id (ami-) of the image an instance was booted from, the same the EC2 API shows. */
    public String ec2ImageId(String imageId) {
        return ec2Ids.imageId(imageId);
    }

    /** Sets items of the instance's system metadata, keeping the others. */
    public void setSystemMetadata(String uuid, Map<String, String> items) {
        instances.updateMetadata(uuid, items, false, true);
    }

    /** Records that the instance has a config drive. */
    public void recordConfigDrive(String uuid) {
        instances.update(uuid, new InstanceUpdate().configDrive("True"));
    }
}
