package org.jnova.api.ec2.instances;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jnova.api.ec2.protocol.Ec2Error;
import org.jnova.api.ec2.protocol.MappingValues;
import org.jnova.compute.VolumeAttachmentsApi;
import org.jnova.ec2.Ec2Ids;
import org.jnova.objects.BlockDeviceMapping;
import org.jnova.objects.Instance;

/**
 * ModifyInstanceAttribute's {@code BlockDeviceMapping.N}: {@code DeviceName} and
 * {@code Ebs.DeleteOnTermination} set whether the volume mapped at that device is deleted with
 * the instance (what the compute API's volume attachment update sets), optionally checked
 * against {@code Ebs.VolumeId}. Every mapping is checked before any is changed.
 */
public final class DeleteOnTerminationChanges {
    private static final Set<String> FIELDS = Set.of("DeviceName", "Ebs.DeleteOnTermination", "Ebs.VolumeId");

    private final VolumeAttachmentsApi attachments;
    private final Ec2Ids ids;

    public DeleteOnTerminationChanges(VolumeAttachmentsApi attachments, Ec2Ids ids) {
        this.attachments = requireNonNull(attachments, "attachments is null");
        this.ids = requireNonNull(ids, "ids is null");
    }

    void apply(Instance instance, List<Map<String, String>> requested) {
        List<BlockDeviceMapping> volumes = attachments.mappings(instance).stream()
                .filter(b -> "volume".equals(b.destinationType()) && b.deviceName() != null).toList();
        Map<BlockDeviceMapping, Boolean> changes = new LinkedHashMap<>();
        for (int n = 0; n < requested.size(); n++) {
            String prefix = "BlockDeviceMapping." + (n + 1) + ".";
            Map<String, String> fields = requested.get(n);
            for (String field : fields.keySet()) {
                if (!FIELDS.contains(field)) {
                    throw Ec2Error.client("UnsupportedOperation", "The parameter " + prefix + field
                            + " cannot be modified.");
                }
            }
            String device = fields.get("DeviceName");
            if (device == null || device.isBlank()) {
                throw Ec2Error.missingParameter(prefix + "DeviceName");
            }
            String flag = fields.get("Ebs.DeleteOnTermination");
            if (flag == null) {
                throw Ec2Error.missingParameter(prefix + "Ebs.DeleteOnTermination");
            }
            boolean deleteOnTermination = MappingValues.flag(prefix + "Ebs.DeleteOnTermination", flag);
            String key = MappingValues.stripDev(device);
            BlockDeviceMapping mapping = volumes.stream().filter(b -> MappingValues.stripDev(b.deviceName())
                    .equals(key)).findFirst().orElseThrow(() -> Ec2Error.client("InvalidInstanceAttributeValue",
                            "No device is currently mapped at " + device));
            String volumeId = fields.get("Ebs.VolumeId");
            if (volumeId != null && (mapping.volumeId() == null
                    || !volumeId.equals(ids.volumeId(mapping.volumeId())))) {
                throw Ec2Error.client("InvalidInstanceAttributeValue", "The volume " + volumeId
                        + " is not mapped at " + device);
            }
            changes.put(mapping, deleteOnTermination);
        }
        changes.forEach(attachments::setDeleteOnTermination);
    }
}
