package org.jnova.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeState;

/** The AWS SDK's EC2 client as the tests use it against jnova: filters, refusals and waits for states. */
public final class Ec2Clients {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Ec2Clients() {
    }

    /** A client signing with {@code secret}, region "nova", no retries (every answer is seen as sent). */
    public static Ec2Client signed(String url, String accessKey, String secret) {
        return Ec2Client.builder()
                .endpointOverride(URI.create(url))
                .region(Region.of("nova"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                .build();
    }

    /** Under noauth2 the access key names {@code user:project} and the secret is not checked. */
    public static Ec2Client noauth(String url, String accessKey) {
        return signed(url, accessKey, "any-secret");
    }

    /** The instance once it is in {@code state} (fails after 30 s). */
    public static Instance awaitInstance(Ec2Client ec2, String id, InstanceStateName state)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Instance i = ec2.describeInstances(r -> r.instanceIds(id)).reservations().getFirst().instances()
                    .getFirst();
            if (i.state().name() == state || System.nanoTime() > deadline) {
                assertThat(i.state().name()).isEqualTo(state);
                return i;
            }
            Thread.sleep(50);
        }
    }

    /** The volume once it is in {@code state}; in-use also waits for its attachment to be recorded. */
    public static Volume awaitVolume(Ec2Client ec2, String id, VolumeState state) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Volume v = ec2.describeVolumes(r -> r.volumeIds(id)).volumes().getFirst();
            // the built-in volume catalog marks a volume in-use a moment before it records the attachment
            boolean settled = v.state() == state && (state != VolumeState.IN_USE || !v.attachments().isEmpty());
            if (settled || System.nanoTime() > deadline) {
                assertThat(v.state()).isEqualTo(state);
                return v;
            }
            Thread.sleep(50);
        }
    }

    /** A Describe filter on {@code name} matching any of {@code values}. */
    public static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    /** The error {@code call} is refused with; fails unless it is refused with a 400. */
    public static Ec2Exception error(Runnable call) {
        Ec2Exception e = catchThrowableOfType(Ec2Exception.class, call::run);
        assertThat(e).as("an EC2 error").isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        return e;
    }

    /** The code of the 400 error {@code call} is refused with. */
    public static String errorCode(Runnable call) {
        return error(call).awsErrorDetails().errorCode();
    }
}
