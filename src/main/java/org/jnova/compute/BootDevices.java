package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jnova.context.RequestContext;
import org.jnova.exception.Invalid;
import org.jnova.image.ImagesApi;
import org.jnova.objects.Image;
import org.jnova.objects.Volume;
import org.jnova.objects.VolumeSnapshot;
import org.jnova.volume.VolumeApi;
import org.jnova.volume.VolumeErrors;

/**
 * The block devices of a server create, as nova's compute API handles them: the boot image
 * of a server without imageRef (get_bdm_image_metadata), the legacy conversion and the image
 * mapping of an imageRef boot (_check_and_transform_bdm), the checks of _validate_bdm, and the
 * attachments that reserve existing volumes (_check_attach_and_reserve_volume).
 */
public final class BootDevices {
    /** The root disk's name before the compute host assigns devices (nova assumes "vda"). */
    static final String ROOT_DEVICE = "/dev/vda";
    /** nova's [DEFAULT] max_local_block_devices default. */
    private static final int MAX_LOCAL_BLOCK_DEVICES = 3;
    private static final Pattern DEV = Pattern.compile("^/dev/");
    private final ImagesApi images;
    private final VolumeApi volumes;

    public BootDevices(ImagesApi images, VolumeApi volumes) {
        this.images = requireNonNull(images, "images is null");
        this.volumes = requireNonNull(volumes, "volumes is null");
    }

    /** nova's get_bdm_image_metadata: the image of the boot device, empty for a volume. */
    Optional<Image> bootImage(RequestContext ctx, List<BlockDeviceRequest> requested, boolean legacy) {
        for (BlockDeviceRequest bdm : requested) {
            boolean boot = legacy ? "a".equals(deviceLetter(bdm.deviceName())) : bdm.isRoot();
            if (!boot) {
                continue;
            }
            String volumeId = bdm.snapshotId() != null
                    ? volumes.getSnapshot(ctx, bdm.snapshotId()).volumeId() : bdm.volumeId();
            if (bdm.imageId() != null) {
                return Optional.of(images.find(ctx, bdm.imageId()).orElseThrow(() -> invalidImage(bdm.imageId())));
            }
            if (volumeId != null) {
                Volume volume;
                try {
                    volume = volumes.get(ctx, volumeId);
                } catch (RuntimeException e) {
                    throw new Invalid("Block Device Mapping is Invalid: failed to get volume " + volumeId + ".");
                }
                if (!volume.bootable()) {
                    throw new Invalid("Block Device " + volumeId + " is not bootable.");
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * nova's _check_and_transform_bdm: the request's mappings (legacy ones converted) merged
     * with the boot image's own (a request mapping wins for its device name). No
     * flavor-defined mappings in jnova.
     */
    List<BlockDeviceRequest> transform(ServerCreate req, Optional<Image> bootImage) {
        // nova's root device name: the image's (prefixed with /dev/), else "vda"
        Optional<String> imageRoot = bootImage.flatMap(ImageBlockDevices::rootDeviceName);
        String rootName = imageRoot.orElse(stripDev(ROOT_DEVICE));
        String root = stripDev(rootName);
        boolean hasImage = req.imageRef() != null && !req.imageRef().isEmpty();
        if (hasImage && !req.legacyBdm()) {
            // nova reads destination_type before converting, so only v2 mappings are checked; it
            // compares the stripped device with the root name as given, so an image's "/dev/..." never matches
            for (BlockDeviceRequest bdm : req.blockDevices()) {
                if (bdm.isVolume() && rootName.equals(stripDev(bdm.deviceName()))) {
                    throw new Invalid("The volume cannot be assigned the same device name as the root device "
                            + rootName);
                }
            }
        }
        List<BlockDeviceRequest> imageDefined = bootImage.map(image -> ImageBlockDevices.of(image, rootName))
                .orElse(List.of());
        boolean rootInImage = imageDefined.stream().anyMatch(BlockDeviceRequest::isRoot);
        List<BlockDeviceRequest> out = new ArrayList<>();
        if (req.legacyBdm()) {
            // from_legacy_mapping with a root device name: the device named like it boots, unless the image's does
            boolean volumeBacked = false;
            for (BlockDeviceRequest bdm : req.blockDevices()) {
                if (rootInImage) {
                    out.add(bdm.withBootIndex(-1));
                } else if (List.of("volume", "snapshot", "image").contains(String.valueOf(bdm.sourceType()))
                        && root.equals(stripDev(bdm.deviceName()))) {
                    out.add(bdm.withBootIndex(0));
                    volumeBacked = true;
                } else if (bdm.sourceType() != null) {
                    out.add(bdm.withBootIndex(-1));
                } else {
                    out.add(bdm.withBootIndex(null));
                }
            }
            if (!rootInImage && !volumeBacked && hasImage) {
                out.add(0, BlockDeviceRequest.image(req.imageRef()));
            }
        } else if (rootInImage) {
            // the image mapping clients add for an imageRef (or an image→volume boot device) gives way to the image's root
            req.blockDevices().stream().filter(b -> !(b.isRoot() && "image".equals(b.sourceType())))
                    .forEach(out::add);
        } else {
            out.addAll(req.blockDevices());
        }
        out = merge(imageDefined, out);
        if ((req.minCount() > 1 || req.maxCount() > 1) && out.stream().anyMatch(b -> "volume".equals(b.sourceType()))) {
            throw new Invalid("Cannot attach one or more volumes to multiple instances");
        }
        return out;
    }

    /** nova's _merge_bdms_lists: the overriders, then the overridable ones whose device name no overrider has. */
    private static List<BlockDeviceRequest> merge(List<BlockDeviceRequest> overridable,
            List<BlockDeviceRequest> overriders) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (BlockDeviceRequest b : overriders) {
            if (b.deviceName() != null && !b.deviceName().isEmpty()) {
                names.add(b.deviceName());
            }
        }
        List<BlockDeviceRequest> out = new ArrayList<>(overriders);
        overridable.stream().filter(b -> b.deviceName() == null || !names.contains(b.deviceName())).forEach(out::add);
        return out;
    }

    /** nova's _get_volumes_for_bdms: VolumeNotFound for a missing one. */
    Map<String, Volume> existingVolumes(RequestContext ctx, List<BlockDeviceRequest> bdms) {
        Map<String, Volume> out = new LinkedHashMap<>();
        for (BlockDeviceRequest bdm : bdms) {
            if (bdm.volumeId() != null) {
                out.put(bdm.volumeId(), volumes.get(ctx, bdm.volumeId()));
            }
        }
        return out;
    }

    /**
     * nova's _validate_bdm, without the reservation (see {@link #reserve}); returns the
     * mappings with a snapshot's size where a volume from a snapshot was given none.
     */
    List<BlockDeviceRequest> validate(RequestContext ctx, List<BlockDeviceRequest> bdms, String imageRef,
            boolean supportsMultiattach, Map<String, Volume> existing) {
        List<BlockDeviceRequest> sized = new java.util.ArrayList<>(bdms);
        List<Integer> bootIndexes = bdms.stream().map(BlockDeviceRequest::bootIndex)
                .filter(i -> i != null && i >= 0).sorted().toList();
        boolean inOrder = true;
        for (int i = 0; i < bootIndexes.size(); i++) {
            inOrder &= bootIndexes.get(i) == i;
        }
        if (bootIndexes.isEmpty() || !inOrder) {
            throw new Invalid("Block Device Mapping is Invalid: Boot sequence for the instance and image/block "
                    + "device mapping combination is not valid.");
        }
        for (int n = 0; n < bdms.size(); n++) {
            BlockDeviceRequest bdm = bdms.get(n);
            if (bdm.imageId() != null) {
                if (!bdm.imageId().equals(imageRef) && images.find(ctx, bdm.imageId()).isEmpty()) {
                    throw invalidImage(bdm.imageId());
                }
                if ("image".equals(bdm.sourceType()) && bdm.isVolume() && isZero(bdm.volumeSize())) {
                    throw new Invalid("Images with destination_type 'volume' need to have a non-zero size "
                            + "specified");
                }
            } else if (bdm.volumeId() != null) {
                if (existing.get(bdm.volumeId()).multiattach() && !supportsMultiattach) {
                    throw new VolumeErrors.MultiattachNeedsNewerMicroversion();
                }
            } else if (bdm.snapshotId() != null) {
                sized.set(n, withSnapshotSize(ctx, bdm));
            } else if ("blank".equals(bdm.sourceType()) && bdm.isVolume() && isZero(bdm.volumeSize())) {
                throw new Invalid("Blank volumes (source: 'blank', dest: 'volume') need to have non-zero size");
            }
        }
        long local = bdms.stream().filter(b -> "local".equals(b.destinationType())).count();
        if (local > MAX_LOCAL_BLOCK_DEVICES) {
            throw new Invalid("Block Device Mapping is Invalid: You specified more local devices than the limit "
                    + "allows");
        }
        return sized;
    }

    /** The snapshot must be the caller's; a volume made from it is the snapshot's size unless told. */
    private BlockDeviceRequest withSnapshotSize(RequestContext ctx, BlockDeviceRequest bdm) {
        VolumeSnapshot snapshot;
        try {
            snapshot = volumes.getSnapshot(ctx, bdm.snapshotId());
        } catch (RuntimeException e) {
            throw new Invalid("Block Device Mapping is Invalid: failed to get snapshot " + bdm.snapshotId() + ".");
        }
        Integer size = isZero(bdm.volumeSize()) ? Integer.valueOf(snapshot.volumeSize()) : bdm.volumeSize();
        return new BlockDeviceRequest(bdm.sourceType(), bdm.destinationType(), bdm.imageId(), bdm.volumeId(),
                bdm.snapshotId(), size, bdm.bootIndex(), bdm.deviceName(), bdm.deleteOnTermination(), bdm.tag());
    }

    /**
     * Creates an attachment for each existing volume (the volume becomes "reserved"); cinder's
     * refusal is nova's InvalidVolume. Returns attachment ids by volume id; on failure the ones
     * made are deleted.
     */
    Map<String, String> reserve(RequestContext ctx, List<BlockDeviceRequest> bdms, String instanceUuid) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (BlockDeviceRequest bdm : bdms) {
                if (bdm.volumeId() != null) {
                    try {
                        out.put(bdm.volumeId(), volumes.attachmentCreate(ctx, bdm.volumeId(), instanceUuid));
                    } catch (VolumeErrors.InvalidInput e) {
                        throw new VolumeErrors.InvalidVolume(e.getMessage());
                    }
                }
            }
            return out;
        } catch (RuntimeException e) {
            release(ctx, out);
            throw e;
        }
    }

    /** Deletes attachments made by {@link #reserve} when the create fails afterwards. */
    void release(RequestContext ctx, Map<String, String> attachments) {
        for (String attachment : attachments.values()) {
            try {
                volumes.attachmentDelete(ctx, attachment);
            } catch (RuntimeException ignored) {
                // the volume stays reserved; nothing more nova would do
            }
        }
    }

    /** The root device's volume size, when the root is a volume (checked against the image's min_disk). */
    static Optional<BlockDeviceRequest> rootVolume(List<BlockDeviceRequest> bdms) {
        return bdms.stream().filter(b -> b.isRoot() && b.isVolume()).findFirst();
    }

    private static boolean isZero(Integer size) {
        return size == null || size == 0;
    }

    private static Invalid invalidImage(String imageId) {
        return new Invalid("Block Device Mapping is Invalid: failed to get image " + imageId + ".");
    }

    static String stripDev(String device) {
        return device == null ? null : DEV.matcher(device).replaceFirst("");
    }

    /** nova's get_device_letter: the name without /dev/ and its bus prefix, digits dropped. */
    private static String deviceLetter(String device) {
        if (device == null) {
            return null;
        }
        return stripDev(device).replaceFirst("^(x?v|s|h)d", "").replaceAll("\\d+", "");
    }
}
