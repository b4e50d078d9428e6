package org.jnova.api.ec2.images;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;
import org.jnova.api.ec2.protocol.Ec2Error;
import org.jnova.context.RequestContext;
import org.jnova.image.ImagesApi;
import org.jnova.objects.Image;

/**
 * AWS's rules for the name of a new image (RegisterImage, CreateImage): 3 to 128 letters,
 * digits, spaces and {@code ( ) [ ] . / - ' @ _} ({@code InvalidAMIName.Malformed}), not the
 * name of another image the project owns ({@code InvalidAMIName.Duplicate}).
 */
final class ImageNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9()\\[\\] ./'@_-]{3,128}");
    private final ImagesApi images;
    private final ImageLookup lookup;

    ImageNames(ImagesApi images, ImageLookup lookup) {
        this.images = requireNonNull(images, "images is null");
        this.lookup = requireNonNull(lookup, "lookup is null");
    }

    void check(RequestContext ctx, String name) {
        if (!NAME.matcher(name).matches()) {
            throw Ec2Error.client("InvalidAMIName.Malformed", "AMI names must be between 3 and 128 characters "
                    + "long, and may contain letters, numbers, spaces, '(', ')', '[', ']', '.', '/', '-', ''', '@' "
                    + "and '_'");
        }
        String project = ctx.projectId().orElse(null);
        for (Image image : images.list(ctx)) {
            if (project != null && project.equals(image.owner()) && name.equals(image.name())) {
                throw Ec2Error.client("InvalidAMIName.Duplicate", "AMI name " + name + " is already in use by AMI "
                        + lookup.ec2Id(image));
            }
        }
    }
}
