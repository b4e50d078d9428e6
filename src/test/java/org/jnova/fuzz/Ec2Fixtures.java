package org.jnova.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jnova.testing.Ec2Clients;
import org.jnova.testing.JnovaTestServer;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * The compute fixtures of projects A and B as the EC2 API names them ({@code i-}, {@code vol-},
 * {@code snap-}, {@code ami-}, key pair and group names, addresses), read with the AWS SDK,
 * and a security group of B whose description A must never be shown. {@link #refresh()}
 * restores the compute fixtures and reads the names again.
 */
final class Ec2Fixtures implements Ec2Generator.Targets {
    private final JnovaTestServer jnova;
    private final FuzzFixtures compute;
    private final String url;
    private final Map<String, String> ids = new HashMap<>();
    private final String secret = "fuzz-secret-" + UUID.randomUUID();

    Ec2Fixtures(JnovaTestServer jnova, FuzzFixtures compute) {
        this.jnova = jnova;
        this.compute = compute;
        this.url = jnova.startEc2();
    }

    String url() {
        return url;
    }

    Ec2Fixtures create() {
        try {
            JnovaTestServer.Reply r = jnova.call("POST", "/os-security-groups", "{\"security_group\": {\"name\": "
                    + "\"fuzz-secret\", \"description\": \"" + secret + "\"}}", "2.1", "bob:" + FuzzFixtures.PROJECT_B);
            if (r.status() != 200) {
                throw new AssertionError("ec2 fixture: " + r.status() + " " + r.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        read();
        return this;
    }

    void refresh() {
        compute.refresh();
        read();
    }

    @Override
    public String host() {
        URI u = URI.create(url);
        return u.getHost() + ":" + u.getPort();
    }

    @Override
    public String id(String kind, boolean other) {
        return ids.getOrDefault(kind + ":" + (other ? "B" : "A"), "i-00000000");
    }

    @Override
    public List<String> unseen() {
        return List.of(secret);
    }

    private void read() {
        for (FuzzFixtures.Owner o : FuzzFixtures.Owner.values()) {
            String project = o == FuzzFixtures.Owner.A ? FuzzFixtures.PROJECT_A : FuzzFixtures.PROJECT_B;
            try (Ec2Client ec2 = Ec2Clients.noauth(url, (o == FuzzFixtures.Owner.A ? "alice:" : "bob:") + project)) {
                put("instance", o, ec2.describeInstances().reservations().stream()
                        .flatMap(r -> r.instances().stream())
                        .filter(i -> i.state().name() != InstanceStateName.TERMINATED)
                        .map(Instance::instanceId).toList(), "i-00000000");
                put("volume", o, ec2.describeVolumes().volumes().stream().map(v -> v.volumeId()).toList(),
                        "vol-00000000");
                put("snapshot", o, ec2.describeSnapshots().snapshots().stream().map(s -> s.snapshotId()).toList(),
                        "snap-00000000");
                put("image", o, ec2.describeImages().images().stream().filter(i -> project.equals(i.ownerId()))
                        .map(i -> i.imageId()).toList(), "ami-00000000");
                put("ip", o, ec2.describeAddresses().addresses().stream().map(a -> a.publicIp()).toList(), "0.0.0.0");
                String group = compute.id("os-security-groups", o);
                ids.put("group-id:" + o, group);
                put("group-name", o, ec2.describeSecurityGroups().securityGroups().stream()
                        .filter(g -> g.groupId().equals(group)).map(g -> g.groupName()).toList(), "default");
                ids.put("keypair:" + o, compute.id("os-keypairs", o));
            }
        }
    }

    private void put(String kind, FuzzFixtures.Owner o, List<String> found, String none) {
        ids.put(kind + ":" + o, found.isEmpty() ? none : found.get(0));
    }
}
