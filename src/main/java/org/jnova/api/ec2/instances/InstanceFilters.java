package org.jnova.api.ec2.instances;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jnova.api.ec2.protocol.Ec2Error;
import org.jnova.api.ec2.protocol.Wildcards;
import org.jnova.ec2.Ec2Ids;
import org.jnova.objects.Instance;

/**
 * DescribeInstances' filters: {@code instance-id}, {@code instance-state-name},
 * {@code instance-state-code}, {@code private-ip-address}, {@code availability-zone},
 * {@code key-name}, {@code instance-type}, {@code reservation-id}, {@code tag:KEY},
 * {@code tag-key}, {@code tag-value}. An instance matches when every filter has one value that
 * matches; an unknown filter is InvalidParameterValue, as AWS.
 */
final class InstanceFilters implements Predicate<Instance> {
    private final Map<String, List<String>> filters;
    private final Function<Instance, String> zone;

    InstanceFilters(Map<String, List<String>> filters, Function<Instance, String> zone) {
        this.filters = filters;
        this.zone = zone;
        for (String name : filters.keySet()) {
            if (!name.startsWith("tag:") && !List.of("instance-id", "instance-state-name", "instance-state-code",
                    "private-ip-address", "availability-zone", "key-name", "instance-type", "reservation-id",
                    "tag-key", "tag-value").contains(name)) {
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
                default -> {
                    String actual = value(name, i);
                    yield actual != null && values.stream().anyMatch(v -> Wildcards.matches(v, actual));
                }
            };
            if (!matched) {
                return false;
            }
        }
        return true;
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
            default -> null;
        };
    }
}
