package org.jnova.api.ec2.images;

import static java.util.Objects.requireNonNull;

import org.jnova.api.ec2.protocol.Ec2Error;
import org.jnova.context.RequestContext;
import org.jnova.ec2.Ec2Ids;
import org.jnova.image.ImagesApi;
import org.jnova.objects.Image;

/** The image an EC2 id names, when the caller may see it on the image service. */
final class ImageLookup {
    private final ImagesApi images;
    private final Ec2Ids ids;

    ImageLookup(ImagesApi images, Ec2Ids ids) {
        this.images = requireNonNull(images, "images is null");
        this.ids = requireNonNull(ids, "ids is null");
    }

    /** The image; InvalidAMIID.NotFound for an unknown id or an image the caller may not see. */
    Image find(RequestContext ctx, String ec2Id) {
        return ids.imageUuid(ec2Id).flatMap(uuid -> images.find(ctx, uuid)).orElseThrow(() -> notFound(ec2Id));
    }

    /** The image's EC2 id: ami-, aki- or ari- of its mapping number. */
    String ec2Id(Image image) {
        return ids.imageId(image.id(), image.properties());
    }

    static Ec2Error notFound(String ec2Id) {
        return Ec2Error.client("InvalidAMIID.NotFound", "The image id '[" + ec2Id + "]' does not exist");
    }
}
