package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.db.ImageStore;
import org.jnova.db.InstanceStore;
import org.jnova.db.InstanceUpdate;
import org.jnova.db.KeyPairStore;
import org.jnova.db.PortStore;
import org.jnova.objects.Instance;
import org.jnova.objects.KeyPair;

/** What the metadata service and the config drive read and write about a guest. */
public final class GuestDataApi {
    private final InstanceStore instances;
    private final KeyPairStore keyPairs;
    private final ImageStore images;
    private final PortStore ports;

    public GuestDataApi(InstanceStore instances, KeyPairStore keyPairs, ImageStore images, PortStore ports) {
        this.instances = requireNonNull(instances, "instances is null");
        this.keyPairs = requireNonNull(keyPairs, "keyPairs is null");
        this.images = requireNonNull(images, "images is null");
        this.ports = requireNonNull(ports, "ports is null");
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

    /** Every image id ever registered, oldest first (EC2 ids are ranks in this list). */
    public List<String> imageIdsInRegistrationOrder() {
        return images.idsInRegistrationOrder();
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
