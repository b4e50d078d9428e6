package org.jnova.api.ec2.images;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.api.ec2.protocol.Ec2Action;
import org.jnova.api.ec2.protocol.Ec2Request;
import org.jnova.api.ec2.protocol.ViewFilters;
import org.jnova.compute.ServerActionsApi;
import org.jnova.compute.ServersApi;
import org.jnova.ec2.Ec2Ids;
import org.jnova.image.ImagesApi;
import org.jnova.objects.Image;
import org.jnova.policy.Enforcer;
import org.jnova.volume.VolumeApi;

/**
 * The image actions over the compute API's image catalog: DescribeImages (the images visible
 * to the caller as on the compute API; ImageId.N narrows them, an unknown or invisible one is
 * InvalidAMIID.NotFound), RegisterImage and DeregisterImage ({@link ImageRegistration}),
 * CreateImage ({@link InstanceSnapshots}), DescribeImageAttribute and ModifyImageAttribute
 * ({@link ImageAttributes}).
 */
public final class ImagesActions {
    /** DescribeImages' filters and the element each reads. */
    private static final Map<String, String> FILTERS = Map.of("image-id", "imageId", "name", "name",
            "state", "imageState", "image-type", "imageType", "owner-id", "imageOwnerId", "is-public", "isPublic",
            "architecture", "architecture", "root-device-type", "rootDeviceType",
            "virtualization-type", "virtualizationType", "hypervisor", "hypervisor");

    private final ImagesApi images;
    private final Ec2Ids ids;
    private final ImageLookup lookup;
    private final ImageMappings mappings;
    private final ImageRegistration registration;
    private final ImageAttributes attributes;
    private final InstanceSnapshots snapshots;

    public ImagesActions(ImagesApi images, VolumeApi volumes, ServersApi servers, ServerActionsApi serverActions,
            Ec2Ids ids, Enforcer enforcer) {
        this.images = requireNonNull(images, "images is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.lookup = new ImageLookup(images, ids);
        this.mappings = new ImageMappings(ids);
        ImageNames names = new ImageNames(images, lookup);
        this.registration = new ImageRegistration(images, volumes, ids, lookup, names);
        this.attributes = new ImageAttributes(images, ids, lookup, mappings);
        this.snapshots = new InstanceSnapshots(servers, serverActions, ids, enforcer, lookup, names);
    }

    public void register(Map<String, Ec2Action> actions) {
        actions.put("DescribeImages", this::describe);
        actions.put("RegisterImage", registration::register);
        actions.put("DeregisterImage", registration::deregister);
        actions.put("CreateImage", snapshots::create);
        actions.put("DescribeImageAttribute", attributes::describe);
        actions.put("ModifyImageAttribute", attributes::modify);
    }

    private Map<String, ?> describe(Ec2Request call) {
        List<String> wanted = call.list("ImageId");
        List<Image> found = new ArrayList<>();
        if (wanted.isEmpty()) {
            found.addAll(images.list(call.context()));
        } else {
            for (String ec2Id : wanted) {
                found.add(lookup.find(call.context(), ec2Id));
            }
        }
        ViewFilters filters = new ViewFilters(call.filters(), FILTERS);
        return Map.of("imagesSet", found.stream().map(this::view).filter(filters).<Object>map(v -> v).toList());
    }

    private Map<String, Object> view(Image image) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, String> props = image.properties();
        String ec2Id = lookup.ec2Id(image);
        out.put("imageId", ec2Id);
        out.put("imageLocation", props.getOrDefault("image_location", "None (" + image.name() + ")"));
        out.put("imageState", state(image.status()));
        out.put("imageOwnerId", image.owner());
        out.put("isPublic", Image.PUBLIC.equals(image.visibility()));
        out.put("architecture", props.getOrDefault("architecture", "x86_64"));
        out.put("imageType", ec2Id.startsWith("aki") ? "kernel" : ec2Id.startsWith("ari") ? "ramdisk" : "machine");
        String kernel = props.get("kernel_id");
        if (kernel != null && !kernel.isEmpty()) {
            out.put("kernelId", ids.imageId(kernel, Map.of("container_format", "aki")));
        }
        String ramdisk = props.get("ramdisk_id");
        if (ramdisk != null && !ramdisk.isEmpty()) {
            out.put("ramdiskId", ids.imageId(ramdisk, Map.of("container_format", "ari")));
        }
        out.put("name", image.name());
        out.put("description", props.get("description"));
        out.put("rootDeviceType", mappings.rootDeviceType(image));
        out.put("rootDeviceName", mappings.rootDeviceName(image));
        out.put("blockDeviceMapping", mappings.view(image));
        out.put("virtualizationType", "hvm");
        out.put("hypervisor", "xen");
        out.put("creationDate", image.createdAt());
        return out;
    }

    /**
     * EC2's image state of the image service's status: available when active, pending while
     * the data is on its way, failed when it never came, deregistered once deleted.
     */
    static String state(String status) {
        return switch (status) {
            case "active" -> "available";
            case "queued", "saving", "uploading", "importing" -> "pending";
            case "killed" -> "failed";
            case "deleted", "pending_delete" -> "deregistered";
            default -> status;
        };
    }
}
