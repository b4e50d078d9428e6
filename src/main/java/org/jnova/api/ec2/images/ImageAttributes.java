package org.jnova.api.ec2.images;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jnova.api.ec2.protocol.Ec2Error;
import org.jnova.api.ec2.protocol.Ec2Request;
import org.jnova.context.RequestContext;
import org.jnova.ec2.Ec2Ids;
import org.jnova.image.ImageNotAuthorized;
import org.jnova.image.ImagesApi;
import org.jnova.objects.Image;

/**
 * DescribeImageAttribute ({@code launchPermission}, {@code kernel}, {@code ramdisk},
 * {@code blockDeviceMapping}, {@code rootDeviceName} as nova answered them, and
 * {@code description}) and ModifyImageAttribute, which, as in nova, changes only the launch
 * permission of group {@code all}: added, the image becomes public; removed, private. The image
 * service decides who may: the owner or an admin, and only an admin makes an image public.
 */
final class ImageAttributes {
    private static final Set<String> ATTRIBUTES = Set.of("launchPermission", "kernel", "ramdisk",
            "blockDeviceMapping", "rootDeviceName", "description");
    private static final String ALL = "all";

    private final ImagesApi images;
    private final Ec2Ids ids;
    private final ImageLookup lookup;
    private final ImageMappings mappings;

    ImageAttributes(ImagesApi images, Ec2Ids ids, ImageLookup lookup, ImageMappings mappings) {
        this.images = requireNonNull(images, "images is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.lookup = requireNonNull(lookup, "lookup is null");
        this.mappings = requireNonNull(mappings, "mappings is null");
    }

    Map<String, ?> describe(Ec2Request call) {
        String ec2Id = call.required("ImageId");
        String attribute = call.required("Attribute");
        if (!ATTRIBUTES.contains(attribute)) {
            throw unknownAttribute(attribute);
        }
        Image image = lookup.find(call.context(), ec2Id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("imageId", ec2Id);
        Map<String, String> props = image.properties();
        switch (attribute) {
            case "launchPermission" -> out.put("launchPermission", Image.PUBLIC.equals(image.visibility())
                    ? List.of(Map.of("group", ALL)) : List.of());
            case "kernel" -> out.put("kernel", related(props.get("kernel_id"), "aki"));
            case "ramdisk" -> out.put("ramdisk", related(props.get("ramdisk_id"), "ari"));
            case "blockDeviceMapping" -> out.put("blockDeviceMapping", mappings.view(image));
            case "rootDeviceName" -> out.put("rootDeviceName", mappings.rootDeviceName(image));
            default -> out.put("description", value(props.get("description")));
        }
        return out;
    }

    /** A kernel or ramdisk image as {@code {value: aki-...}}; none when the image names none. */
    private Map<String, Object> related(String uuid, String type) {
        if (uuid == null || uuid.isEmpty()) {
            return null;
        }
        return value(ids.imageId(uuid, Map.of("container_format", type)));
    }

    Map<String, ?> modify(Ec2Request call) {
        RequestContext ctx = call.context();
        String ec2Id = call.required("ImageId");
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> users = new ArrayList<>(call.list("UserId"));
        call.param("Attribute").ifPresent(attribute -> {
            if (!attribute.equals("launchPermission")) {
                throw Ec2Error.invalidParameterValue("Value (" + attribute + ") for parameter attribute is invalid. "
                        + "Only launchPermission can be modified.");
            }
            String operation = call.required("OperationType");
            switch (operation) {
                case "add" -> added.addAll(call.list("UserGroup"));
                case "remove" -> removed.addAll(call.list("UserGroup"));
                default -> throw Ec2Error.invalidParameterValue("Invalid value '" + operation
                        + "' for OperationType: it must be add or remove");
            }
        });
        collect(call.structures("LaunchPermission.Add"), added, users);
        collect(call.structures("LaunchPermission.Remove"), removed, users);
        call.params().keySet().stream().filter(k -> !k.equals("ImageId") && !k.equals("Attribute")
                && !k.equals("OperationType") && !k.startsWith("UserGroup.") && !k.startsWith("UserId.")
                && !k.startsWith("LaunchPermission.")).findFirst().ifPresent(k -> {
                    throw Ec2Error.invalidParameterValue("The parameter " + k + " cannot be modified: only the "
                            + "launchPermission of group all can");
                });
        if (!users.isEmpty() || added.stream().anyMatch(g -> !g.equals(ALL))
                || removed.stream().anyMatch(g -> !g.equals(ALL))) {
            throw Ec2Error.invalidParameterValue("only group \"all\" is supported");
        }
        if (added.isEmpty() && removed.isEmpty()) {
            throw Ec2Error.missingParameter("UserGroup");
        }
        if (!added.isEmpty() && !removed.isEmpty()) {
            throw Ec2Error.invalidParameterValue("The launch permission of group all cannot be added and removed "
                    + "at once");
        }
        Image image = lookup.find(ctx, ec2Id);
        boolean makePublic = !added.isEmpty();
        boolean isPublic = Image.PUBLIC.equals(image.visibility());
        if (makePublic != isPublic) {
            try {
                images.setVisibility(ctx, image.id(), makePublic ? Image.PUBLIC : Image.PRIVATE);
            } catch (ImageNotAuthorized e) {
                throw new Ec2Error(403, "UnauthorizedOperation", "Not allowed to modify attributes for image "
                        + ec2Id);
            }
        }
        return Map.of("return", true);
    }

    /** The groups and user ids of LaunchPermission.Add.N / .Remove.N. */
    private static void collect(List<Map<String, String>> permissions, List<String> groups, List<String> users) {
        for (Map<String, String> permission : permissions) {
            if (permission.containsKey("Group")) {
                groups.add(permission.get("Group"));
            }
            permission.keySet().stream().filter(k -> !k.equals("Group")).findFirst().ifPresent(k ->
                    users.add(permission.get(k)));
        }
    }

    private static Map<String, Object> value(Object value) {
        if (value == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("value", value);
        return out;
    }

    private static Ec2Error unknownAttribute(String attribute) {
        return Ec2Error.invalidParameterValue("Value (" + attribute + ") for parameter attribute is invalid. "
                + "Unknown attribute.");
    }
}
