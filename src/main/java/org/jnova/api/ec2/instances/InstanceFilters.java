package org.jnova.api.ec2.instances;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jnova.api.ec2.protocol.Ec2Error;
import org.jnova.api.ec2.protocol.Wildcards;
import org.jnova.api.ec2.volumes.InstanceBlockDevices;
import org.jnova.ec2.Ec2Ids;
import org.jnova.objects.Instance;

/**
 * DescribeInstances' filters: {@code instance-id}, {@code instance-state-name},
 * {@code instance-state-code}, {@code private-ip-address}, {@code availability-zone},
 * {@code key-name}, {@code instance-type}, {@code reservation-id}, {@code tag:KEY},
 * {@code tag-key}, {@code tag-value}, {@code root-device-type}, {@code root-device-name},
 * {@code block-device-mapping.device-name}, {@code block-device-mapping.volume-id},
 * {@code block-device-mapping.status}, {@code block-device-mapping.delete-on-termination} (one
 * of the instance's mappings matches). An instance matches when every filter has one value that
 * matches; an unknown filter is InvalidParameterValue, as AWS.
 */
final class InstanceFilters implements Predicate<Instance> {
    private static final String MAPPING = "block-device-mapping.";
    /** The block-device-mapping filters and the element of a mapping item each reads. */
    private static final Map<String, String> MAPPING_FIELDS = Map.of(MAPPING + "device-name", "deviceName",
            MAPPING + "volume-id", "ebs.volumeId", MAPPING + "status", "ebs.status",
            MAPPING + "delete-on-termination", "ebs.deleteOnTermination");
    private final Map<String, List<String>> filters;
    private final Function<Instance, String> zone;
    private final Function<Instance, InstanceBlockDevices.Devices> devices;

    InstanceFilters(Map<String, List<String>> filters, Function<Instance, String> zone,
            Function<Instance, InstanceBlockDevices.Devices> devices) {
        this.filters = filters;
        this.zone = zone;
        this.devices = devices;
        for (String name : filters.keySet()) {
            if (!name.startsWith("tag:") && !List.of("instance-id", "instance-state-name", "instance-state-code",
                    "private-ip-address", "availability-zone", "key-name", "instance-type", "reservation-id",
                    "tag-key", "tag-value", "root-device-type", "root-device-name").contains(name)
                    && !MAPPING_FIELDS.containsKey(name)) {
                throw Ec2Error.invalidParameterValue("The filter '" + name + "' is invalid");
            }
        }
    }

    @Override
    public boolean test(Instance i) {
        for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
            String name = filter.getKey();
            List<String> values = filter.getValue();
            boolean matched = switch (name) {
                case "tag-key" -> values.stream().anyMatch(i.metadata()::containsKey);
                case "tag-value" -> values.stream().anyMatch(i.metadata()::containsValue);
                default -> values(name, i).stream().anyMatch(actual -> values.stream()
                        .anyMatch(v -> Wildcards.matches(v, actual)));
            };
            if (!matched) {
                return false;
            }
        }
        return true;
    }

    private List<String> values(String name, Instance i) {
        String field = MAPPING_FIELDS.get(name);
        if (field != null) {
            return devices.apply(i).blockDeviceMapping().stream().map(item -> element(item, field))
                    .filter(Objects::nonNull).toList();
        }
        String actual = value(name, i);
        return actual == null ? List.of() : List.of(actual);
    }

    /** The text of a (dotted) element of a mapping item, as shown. */
    private static String element(Object item, String path) {
        Object at = item;
        for (String step : path.split("\\.")) {
            at = at instanceof Map<?, ?> map ? map.get(step) : null;
        }
        return at == null ? null : String.valueOf(at);
    }

    private String value(String name, Instance i) {
        if (name.startsWith("tag:")) {
            return i.metadata().get(name.substring("tag:".length()));
        }
        return switch (name) {
            case "instance-id" -> Ec2Ids.instanceId(i);
            case "instance-state-name" -> InstanceStates.name(InstanceStates.code(i));
            case "instance-state-code" -> String.valueOf(InstanceStates.code(i));
            case "private-ip-address" -> InstancesActions.fixedIp(i).orElse(null);
            case "availability-zone" -> zone.apply(i);
            case "key-name" -> i.keyName();
            case "instance-type" -> i.flavor() == null ? null : i.flavor().name();
            case "reservation-id" -> i.reservationId();
            case "root-device-type" -> devices.apply(i).rootDeviceType();
            case "root-device-name" -> devices.apply(i).rootDeviceName();
            default -> null;
        };
    }
}
