package org.jnova.api.ec2.images;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.api.ec2.protocol.Ec2Action;
import org.jnova.api.ec2.protocol.Ec2Error;
import org.jnova.api.ec2.protocol.Ec2Request;
import org.jnova.api.ec2.protocol.ViewFilters;
import org.jnova.ec2.Ec2Ids;
import org.jnova.image.ImagesApi;
import org.jnova.objects.Image;

/**
 * DescribeImages over the compute API's image catalog, images visible to the caller as on the
 * compute API; ImageId.N narrows them (an unknown or invisible one is InvalidAMIID.NotFound).
 */
public final class ImagesActions {
    /** DescribeImages' filters and the element each reads. */
    private static final Map<String, String> FILTERS = Map.of("image-id", "imageId", "name", "name",
            "state", "imageState", "image-type", "imageType", "owner-id", "imageOwnerId", "is-public", "isPublic",
            "architecture", "architecture", "root-device-type", "rootDeviceType",
            "virtualization-type", "virtualizationType", "hypervisor", "hypervisor");

    private final ImagesApi images;
    private final Ec2Ids ids;

    public ImagesActions(ImagesApi images, Ec2Ids ids) {
        this.images = requireNonNull(images, "images is null");
        this.ids = requireNonNull(ids, "ids is null");
    }

    public void register(Map<String, Ec2Action> actions) {
        actions.put("DescribeImages", this::describe);
    }

    private Map<String, ?> describe(Ec2Request call) {
        List<String> wanted = call.list("ImageId");
        List<Image> found = new ArrayList<>();
        if (wanted.isEmpty()) {
            found.addAll(images.list(call.context()));
        } else {
            for (String ec2Id : wanted) {
                found.add(ids.imageUuid(ec2Id).flatMap(uuid -> images.find(call.context(), uuid))
                        .orElseThrow(() -> Ec2Error.client("InvalidAMIID.NotFound", "The image id '[" + ec2Id
                                + "]' does not exist")));
            }
        }
        ViewFilters filters = new ViewFilters(call.filters(), FILTERS);
        return Map.of("imagesSet", found.stream().map(this::view).filter(filters).<Object>map(v -> v).toList());
    }

    private Map<String, Object> view(Image image) {
        Map<String, Object> out = new LinkedHashMap<>();
        String ec2Id = ids.imageId(image.id(), image.properties());
        out.put("imageId", ec2Id);
        out.put("imageLocation", image.properties().getOrDefault("image_location", "None (" + image.name() + ")"));
        out.put("imageState", "active".equals(image.status()) ? "available" : image.status());
        out.put("imageOwnerId", image.owner());
        out.put("isPublic", Image.PUBLIC.equals(image.visibility()));
        out.put("architecture", image.properties().getOrDefault("architecture", "x86_64"));
        out.put("imageType", ec2Id.startsWith("aki") ? "kernel" : ec2Id.startsWith("ari") ? "ramdisk" : "machine");
        out.put("name", image.name());
        out.put("rootDeviceType", "instance-store");
        out.put("rootDeviceName", image.properties().getOrDefault("root_device_name", "/dev/sda1"));
        out.put("blockDeviceMapping", List.of());
        out.put("virtualizationType", "hvm");
        out.put("hypervisor", "xen");
        out.put("creationDate", image.createdAt());
        return out;
    }
}
