package org.jnova.api.ec2.instances;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jnova.api.ec2.protocol.Ec2Action;
import org.jnova.api.ec2.protocol.Ec2Error;
import org.jnova.api.ec2.protocol.Ec2Paging;
import org.jnova.api.ec2.protocol.Ec2Request;
import org.jnova.api.ec2.protocol.InstanceLookup;
import org.jnova.api.ec2.protocol.ViewFilters;
import org.jnova.api.ec2.volumes.InstanceBlockDevices;
import org.jnova.compute.BlockDeviceRequest;
import org.jnova.compute.ComputeErrors;
import org.jnova.compute.FlavorsApi;
import org.jnova.compute.SecurityGroupsApi;
import org.jnova.compute.ServerActionsApi;
import org.jnova.compute.ServerCreate;
import org.jnova.compute.ServerSecurityGroupsApi;
import org.jnova.compute.ServersApi;
import org.jnova.context.RequestContext;
import org.jnova.ec2.Ec2Ids;
import org.jnova.exception.Invalid;
import org.jnova.objects.Flavor;
import org.jnova.objects.Instance;
import org.jnova.objects.InstanceFilter;
import org.jnova.objects.SecurityGroup;
import org.jnova.objects.VirtualInterface;
import org.jnova.policy.Enforcer;

/**
 * The instance actions over the compute API, each authorized by nova's compute policy rule
 * for the same operation: DescribeInstances, RunInstances, Start/Stop/Reboot/TerminateInstances,
 * GetConsoleOutput, GetPasswordData, Describe/ModifyInstanceAttribute and DescribeInstanceStatus.
 */
public final class InstancesActions {
    /** nova's default_flavor: what RunInstances boots without an InstanceType. */
    static final String DEFAULT_INSTANCE_TYPE = "m1.small";
    /** AWS's largest DescribeInstances page, and the page size when MaxResults is not given. */
    private static final int DESCRIBE_LIMIT = 1000;
    private static final String TOKEN_KIND = "instances";
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f-]{36}");
    /** The system metadata items a posted password is kept in (password_0..password_3). */
    private static final int PASSWORD_CHUNKS = 4;
    /** What RunInstances cannot honour: refused rather than ignored. */
    private static final List<String> UNSUPPORTED_RUN_PARAMETERS = List.of("SubnetId", "NetworkInterface",
            "PrivateIpAddress", "Ipv6Address", "Ipv6AddressCount", "ElasticGpuSpecification",
            "InstanceMarketOptions", "LaunchTemplate", "CpuOptions", "HibernationOptions", "KernelId", "RamdiskId");

    /** How the compute API's refusals of block devices begin. */
    private static final List<String> MAPPING_REFUSALS = List.of("Block Device", "The volume cannot be assigned",
            "Blank volumes", "Volume is smaller than the minimum size");

    private final ServersApi servers;
    private final ServerActionsApi serverActions;
    private final FlavorsApi flavors;
    private final SecurityGroupsApi securityGroups;
    private final InstanceBlockDevices blockDevices;
    private final RunBlockDevices runBlockDevices;
    private final DeleteOnTerminationChanges deleteOnTermination;
    private final Ec2Ids ids;
    private final Enforcer enforcer;
    private final String defaultZone;

    public InstancesActions(ServersApi servers, ServerActionsApi serverActions, FlavorsApi flavors,
            SecurityGroupsApi securityGroups, InstanceBlockDevices blockDevices, RunBlockDevices runBlockDevices,
            DeleteOnTerminationChanges deleteOnTermination, Ec2Ids ids, Enforcer enforcer, String defaultZone) {
        this.servers = requireNonNull(servers, "servers is null");
        this.serverActions = requireNonNull(serverActions, "serverActions is null");
        this.flavors = requireNonNull(flavors, "flavors is null");
        this.securityGroups = requireNonNull(securityGroups, "securityGroups is null");
        this.blockDevices = requireNonNull(blockDevices, "blockDevices is null");
        this.runBlockDevices = requireNonNull(runBlockDevices, "runBlockDevices is null");
        this.deleteOnTermination = requireNonNull(deleteOnTermination, "deleteOnTermination is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.enforcer = requireNonNull(enforcer, "enforcer is null");
        this.defaultZone = requireNonNull(defaultZone, "defaultZone is null");
    }

    public void register(Map<String, Ec2Action> actions) {
        actions.put("DescribeInstances", this::describe);
        actions.put("RunInstances", this::run);
        actions.put("StartInstances", call -> transition(call, "os_compute_api:servers:start",
                (ctx, uuid) -> servers.start(ctx, uuid)));
        actions.put("StopInstances", call -> transition(call, "os_compute_api:servers:stop",
                (ctx, uuid) -> servers.stop(ctx, uuid)));
        actions.put("TerminateInstances", call -> transition(call, "os_compute_api:servers:delete",
                (ctx, uuid) -> servers.delete(ctx, uuid)));
        actions.put("RebootInstances", this::reboot);
        actions.put("GetConsoleOutput", this::consoleOutput);
        actions.put("GetPasswordData", this::passwordData);
        actions.put("DescribeInstanceAttribute", this::attribute);
        actions.put("ModifyInstanceAttribute", this::modifyAttribute);
        actions.put("DescribeInstanceStatus", this::status);
    }

    private Map<String, ?> describe(Ec2Request call) {
        RequestContext ctx = call.context();
        enforcer.authorize(ctx, "os_compute_api:servers:detail", projectTarget(ctx));
        Ec2Paging paging = Ec2Paging.read(call, TOKEN_KIND, DESCRIBE_LIMIT, true, "InstanceId", "instancesSet");
        InstancePage found = named(call, ctx).orElseGet(() -> page(call, ctx, paging));
        Map<String, InstanceBlockDevices.Devices> devices = blockDevices.of(ctx, found.instances());
        InstanceFilters filters = new InstanceFilters(call.filters(), this::zone, i -> devices.get(i.uuid()));
        Map<String, List<Instance>> reservations = new LinkedHashMap<>();
        for (Instance i : found.instances()) {
            if (filters.test(i)) {
                reservations.computeIfAbsent(i.reservationId(), k -> new ArrayList<>()).add(i);
            }
        }
        List<Object> set = new ArrayList<>();
        reservations.values().forEach(members -> set.add(reservation(members, devices)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("reservationSet", set);
        out.put("nextToken", found.nextToken());
        return out;
    }

    /** Whether {@code uuid} is an instance of the caller's project, terminated or not. */
    private boolean ownInstance(RequestContext ctx, String uuid) {
        if (!UUID_TEXT.matcher(uuid).matches()) {
            return false;
        }
        try {
            Instance at = servers.get(ctx, uuid, true);
            return ctx.projectId().map(p -> p.equals(at.projectId())).orElse(true);
        } catch (ComputeErrors.InstanceNotFound e) {
            return false;
        }
    }

    /** A page of instances and the token that continues after it (null: the last page). */
    private record InstancePage(List<Instance> instances, String nextToken) {
    }

    /**
     * The instances {@code InstanceId.N} names, shown when terminated too, as AWS does for a
     * while (the CLI's {@code wait instance-terminated} polls for that state); empty when none
     * are named.
     */
    private Optional<InstancePage> named(Ec2Request call, RequestContext ctx) {
        List<String> wanted = call.list("InstanceId");
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new InstancePage(wanted.stream().map(ec2Id -> instance(ctx, ec2Id, true)).toList(),
                null));
    }

    /**
     * A page of the caller's instances in the compute API's order (newest first), read with the
     * store's marker and limit: MaxResults of them (1000 without it) after the token's instance,
     * which must be one of the caller's project (terminated since or not).
     */
    private InstancePage page(Ec2Request call, RequestContext ctx, Ec2Paging paging) {
        String marker = paging.after();
        if (marker != null && !ownInstance(ctx, marker)) {
            throw Ec2Paging.invalidToken(call.param("NextToken").orElse(""));
        }
        int size = paging.size(DESCRIBE_LIMIT);
        List<Instance> listed;
        try {
            listed = servers.list(ctx, InstanceFilter.builder().projectId(ctx.projectId().orElse(null)).build(),
                    List.of(), size + 1, marker);
        } catch (Invalid e) {
            throw Ec2Paging.invalidToken(call.param("NextToken").orElse(""));
        }
        if (listed.size() <= size) {
            return new InstancePage(listed, null);
        }
        List<Instance> shown = listed.subList(0, size);
        return new InstancePage(shown, paging.token(shown.getLast().uuid()));
    }

    private Map<String, Object> reservation(List<Instance> members, Map<String, InstanceBlockDevices.Devices> devices) {
        Map<String, Object> out = new LinkedHashMap<>();
        Instance first = members.getFirst();
        out.put("reservationId", first.reservationId());
        out.put("ownerId", first.projectId());
        out.put("groupSet", groups(first));
        out.put("instancesSet", members.stream().map(i -> instanceView(i, devices.get(i.uuid()))).toList());
        return out;
    }

    private List<Object> groups(Instance i) {
        return ServerSecurityGroupsApi.groups(i).stream().<Object>map(name -> Map.of("groupName", name,
                "groupId", name)).toList();
    }

    private Map<String, Object> instanceView(Instance i, InstanceBlockDevices.Devices devices) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("instanceId", Ec2Ids.instanceId(i));
        out.put("imageId", ids.imageId(i.imageRef()));
        out.put("instanceState", InstanceStates.of(InstanceStates.code(i)));
        String fixedIp = fixedIp(i).orElse(null);
        out.put("privateDnsName", i.hostname());
        out.put("dnsName", floatingIp(i).orElse(""));
        out.put("reason", "");
        out.put("keyName", i.keyName());
        out.put("amiLaunchIndex", i.launchIndex());
        out.put("productCodes", List.of());
        out.put("instanceType", i.flavor() == null ? null : i.flavor().name());
        out.put("launchTime", i.launchedAt() != null ? i.launchedAt() : i.createdAt());
        Map<String, Object> placement = new LinkedHashMap<>();
        placement.put("availabilityZone", zone(i));
        placement.put("groupName", "");
        placement.put("tenancy", "default");
        out.put("placement", placement);
        out.put("monitoring", Map.of("state", "disabled"));
        out.put("privateIpAddress", fixedIp);
        out.put("ipAddress", floatingIp(i).orElse(null));
        out.put("groupSet", groups(i));
        out.put("architecture", "x86_64");
        out.put("rootDeviceType", devices.rootDeviceType());
        out.put("rootDeviceName", devices.rootDeviceName());
        out.put("blockDeviceMapping", devices.blockDeviceMapping());
        out.put("virtualizationType", "hvm");
        out.put("tagSet", i.metadata().entrySet().stream().<Object>map(e -> tag(e.getKey(), e.getValue())).toList());
        out.put("hypervisor", "xen");
        return out;
    }

    private static Map<String, Object> tag(String key, String value) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", key);
        out.put("value", value);
        return out;
    }

    String zone(Instance i) {
        return i.availabilityZone() != null ? i.availabilityZone() : defaultZone;
    }

    static Optional<String> fixedIp(Instance i) {
        return i.interfaces().stream().map(VirtualInterface::fixedIp).filter(ip -> ip != null && !ip.isEmpty())
                .findFirst();
    }

    private static Optional<String> floatingIp(Instance i) {
        return i.interfaces().stream().map(VirtualInterface::floatingIp).filter(ip -> ip != null && !ip.isEmpty())
                .findFirst();
    }

    private Map<String, ?> run(Ec2Request call) {
        RequestContext ctx = call.context();
        enforcer.authorize(ctx, "os_compute_api:servers:create", projectTarget(ctx));
        for (String name : call.params().keySet()) {
            if (UNSUPPORTED_RUN_PARAMETERS.stream().anyMatch(prefix -> name.equals(prefix)
                    || name.startsWith(prefix + "."))) {
                throw Ec2Error.client("UnsupportedOperation", "The parameter " + name + " is not supported.");
            }
        }
        String imageEc2Id = call.required("ImageId");
        String imageUuid = ids.imageUuid(imageEc2Id).orElseThrow(() -> imageNotFound(imageEc2Id));
        int min = call.integer("MinCount").orElseThrow(() -> Ec2Error.missingParameter("MinCount"));
        int max = call.integer("MaxCount").orElseThrow(() -> Ec2Error.missingParameter("MaxCount"));
        if (min < 1 || max < 1) {
            throw Ec2Error.invalidParameterValue("MinCount and MaxCount must be at least 1");
        }
        if (min > max) {
            throw Ec2Error.invalidParameterValue("MinCount (" + min + ") must not be greater than MaxCount ("
                    + max + ")");
        }
        String typeName = call.param("InstanceType").orElse(DEFAULT_INSTANCE_TYPE);
        Flavor flavor = flavor(ctx, typeName);
        String userData = call.param("UserData").map(text -> text.replaceAll("\\s", "")).orElse(null);
        String zone = call.param("Placement.AvailabilityZone").filter(z -> !z.isEmpty()).orElse(null);
        Map<String, String> systemMetadata = new LinkedHashMap<>();
        String groupNames = securityGroupNames(ctx, call);
        if (groupNames != null) {
            systemMetadata.put(ServerSecurityGroupsApi.KEY, groupNames);
        }
        ServersApi.CreateResult result;
        try {
            Optional<List<BlockDeviceRequest>> mappings = runBlockDevices.read(ctx, call.structures(
                    "BlockDeviceMapping"), imageUuid);
            ServerCreate request = new ServerCreate("Server", imageUuid, flavor.flavorId(), min, max,
                    call.param("KeyName").orElse(null), zone, Map.of(), userData, null, null, null, null, null,
                    List.of(), mappings.orElse(List.of()), mappings.isEmpty(), false);
            result = servers.create(ctx, request, systemMetadata);
        } catch (ComputeErrors.ImageNotFound e) {
            throw imageNotFound(imageEc2Id);
        } catch (ComputeErrors.KeypairNotFound e) {
            throw Ec2Error.client("InvalidKeyPair.NotFound", "The key pair '" + call.param("KeyName").orElse("")
                    + "' does not exist");
        } catch (ComputeErrors.TooManyInstances e) {
            throw Ec2Error.client("InstanceLimitExceeded", e.getMessage());
        } catch (ComputeErrors.InvalidAvailabilityZone e) {
            throw Ec2Error.invalidParameterValue("Invalid availability zone: [" + zone + "]");
        } catch (Invalid e) {
            if (isMappingRefusal(e.getMessage())) {
                throw Ec2Error.client("InvalidBlockDeviceMapping", e.getMessage());
            }
            throw e;
        }
        List<Instance> created = result.instances().stream().map(i -> servers.get(ctx, i.uuid())).toList();
        return reservation(created, blockDevices.of(ctx, created));
    }

    /** The compute API's refusals of the block devices (nova's InvalidBDM and its root device check). */
    private static boolean isMappingRefusal(String message) {
        return message != null && MAPPING_REFUSALS.stream().anyMatch(message::startsWith);
    }

    private Flavor flavor(RequestContext ctx, String name) {
        List<Flavor> found = flavors.list(ctx.isAdmin() ? null : Boolean.TRUE, ctx.projectId().orElse(null), null,
                null, name::equals, null, true, null, null);
        if (found.isEmpty()) {
            throw Ec2Error.invalidParameterValue("Invalid value '" + name + "' for InstanceType.");
        }
        return found.getFirst();
    }

    private String securityGroupNames(RequestContext ctx, Ec2Request call) {
        List<String> names = new ArrayList<>(call.list("SecurityGroup"));
        names.addAll(call.list("SecurityGroupId"));
        List<String> resolved = new ArrayList<>();
        for (String name : names) {
            if (name.equals("default")) {
                resolved.add(name);
                continue;
            }
            List<SecurityGroup> found = securityGroups.findByNameOrId(ctx, name);
            if (found.size() != 1) {
                throw Ec2Error.client("InvalidGroup.NotFound", "The security group '" + name + "' does not exist");
            }
            resolved.add(found.getFirst().name());
        }
        return resolved.isEmpty() ? null : String.join(",", resolved.stream().distinct().toList());
    }

    private interface Transition {
        void apply(RequestContext ctx, String uuid);
    }

    /** Start, stop or terminate each instance: its state before and after, as EC2 reports. */
    private Map<String, ?> transition(Ec2Request call, String rule, Transition transition) {
        RequestContext ctx = call.context();
        List<String> wanted = call.list("InstanceId");
        if (wanted.isEmpty()) {
            throw Ec2Error.missingParameter("InstanceId");
        }
        List<Instance> found = wanted.stream().map(id -> instance(ctx, id)).toList();
        List<Object> set = new ArrayList<>();
        for (Instance before : found) {
            enforcer.authorize(ctx, rule, Map.of("project_id", before.projectId(), "user_id", before.userId()));
            int previous = InstanceStates.code(before);
            if (previous != InstanceStates.TERMINATED) {
                transition.apply(ctx, before.uuid());
            }
            int current = servers.findInAnyProject(before.uuid()).map(InstanceStates::code)
                    .orElse(InstanceStates.TERMINATED);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("instanceId", Ec2Ids.instanceId(before));
            item.put("currentState", InstanceStates.of(current));
            item.put("previousState", InstanceStates.of(previous));
            set.add(item);
        }
        return Map.of("instancesSet", set);
    }

    private Map<String, ?> reboot(Ec2Request call) {
        RequestContext ctx = call.context();
        List<String> wanted = call.list("InstanceId");
        if (wanted.isEmpty()) {
            throw Ec2Error.missingParameter("InstanceId");
        }
        for (Instance i : wanted.stream().map(id -> instance(ctx, id)).toList()) {
            enforcer.authorize(ctx, "os_compute_api:servers:reboot", Map.of("project_id", i.projectId()));
            servers.reboot(ctx, i.uuid(), false);
        }
        return Map.of("return", true);
    }

    private Map<String, ?> consoleOutput(Ec2Request call) {
        RequestContext ctx = call.context();
        String ec2Id = call.required("InstanceId");
        Instance i = instance(ctx, ec2Id);
        enforcer.authorize(ctx, "os_compute_api:os-console-output", Map.of("project_id", i.projectId()));
        String output = serverActions.consoleOutput(ctx, i.uuid(), null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("instanceId", ec2Id);
        out.put("timestamp", java.time.Instant.now());
        out.put("output", Base64.getEncoder().encodeToString(output.getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    /**
     * GetPasswordData: the encrypted password the instance posted to the metadata service (its
     * system metadata password_0..3, as os-server-password shows it), empty when none; the
     * timestamp is the time of the answer, as in nova.
     */
    private Map<String, ?> passwordData(Ec2Request call) {
        RequestContext ctx = call.context();
        String ec2Id = call.required("InstanceId");
        Instance i = instance(ctx, ec2Id);
        enforcer.authorize(ctx, "os_compute_api:os-server-password:show", Map.of("project_id", i.projectId()));
        StringBuilder password = new StringBuilder();
        for (int n = 0; n < PASSWORD_CHUNKS; n++) {
            password.append(i.systemMetadata().getOrDefault("password_" + n, ""));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("instanceId", ec2Id);
        out.put("timestamp", java.time.Instant.now());
        out.put("passwordData", password.toString());
        return out;
    }

    private Map<String, ?> attribute(Ec2Request call) {
        RequestContext ctx = call.context();
        String ec2Id = call.required("InstanceId");
        String name = call.required("Attribute");
        Instance i = instance(ctx, ec2Id);
        enforcer.authorize(ctx, "os_compute_api:servers:show", Map.of("project_id", i.projectId()));
        Map<String, Function<Instance, Object>> attributes = Map.of(
                "instanceType", x -> value(x.flavor() == null ? null : x.flavor().name()),
                "kernel", x -> value(x.systemMetadata().get("image_kernel_id")),
                "ramdisk", x -> value(x.systemMetadata().get("image_ramdisk_id")),
                "userData", x -> value(x.userData()),
                "rootDeviceName", x -> value(InstanceBlockDevices.rootDeviceName(x)),
                "blockDeviceMapping", x -> blockDevices.of(ctx, x).blockDeviceMapping(),
                "groupSet", this::groups,
                "disableApiTermination", x -> value(false),
                "instanceInitiatedShutdownBehavior", x -> value("stop"));
        Function<Instance, Object> reader = attributes.get(name);
        if (reader == null) {
            throw Ec2Error.invalidParameterValue("Value (" + name + ") for parameter attribute is invalid. "
                    + "Unknown attribute.");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("instanceId", ec2Id);
        out.put(name, reader.apply(i));
        return out;
    }

    /**
     * The delete-on-termination flags of the instance's volumes ({@code BlockDeviceMapping.N});
     * otherwise, as nova's EC2 API changed no instance attribute, the two jnova shows with fixed
     * values may be "set" to those values, anything else is UnsupportedOperation.
     */
    private Map<String, ?> modifyAttribute(Ec2Request call) {
        RequestContext ctx = call.context();
        String ec2Id = call.required("InstanceId");
        Instance i = instance(ctx, ec2Id);
        enforcer.authorize(ctx, "os_compute_api:servers:update", Map.of("project_id", i.projectId()));
        Map<String, String> changes = new LinkedHashMap<>();
        call.param("Attribute").ifPresent(name -> changes.put(name, call.param("Value").orElseThrow(() ->
                Ec2Error.missingParameter("Value"))));
        call.params().forEach((key, value) -> {
            if (key.matches("[A-Za-z]+\\.Value")) {
                String name = key.substring(0, key.length() - ".Value".length());
                changes.put(Character.toLowerCase(name.charAt(0)) + name.substring(1), value);
            }
        });
        call.params().keySet().stream().filter(k -> k.startsWith("GroupId.") || k.equals("SourceDestCheck")
                || k.equals("EbsOptimized")).findFirst().ifPresent(k -> {
                    throw unsupportedAttribute(k);
                });
        List<Map<String, String>> mappings = call.structures("BlockDeviceMapping");
        if (!mappings.isEmpty()) {
            if (!changes.isEmpty()) {
                throw Ec2Error.client("InvalidParameterCombination", "Only one attribute can be modified at a time");
            }
            enforcer.authorize(ctx, "os_compute_api:os-volumes-attachments:update", Map.of("project_id",
                    i.projectId()));
            deleteOnTermination.apply(i, mappings);
            return Map.of("return", true);
        }
        if (changes.isEmpty()) {
            throw Ec2Error.missingParameter("Attribute");
        }
        changes.forEach((name, value) -> {
            boolean unchanged = switch (name) {
                case "disableApiTermination" -> "false".equalsIgnoreCase(value);
                case "instanceInitiatedShutdownBehavior" -> "stop".equals(value);
                default -> false;
            };
            if (!unchanged) {
                throw unsupportedAttribute(name);
            }
        });
        return Map.of("return", true);
    }

    private static Ec2Error unsupportedAttribute(String name) {
        return Ec2Error.client("UnsupportedOperation", "The attribute " + name + " cannot be modified");
    }

    /**
     * DescribeInstanceStatus: the running instances ({@code IncludeAllInstances=true}: all), each
     * with its state and system and instance status ok (pending instances: initializing);
     * filters {@code availability-zone}, {@code instance-state-name}, {@code instance-state-code},
     * {@code system-status.status}, {@code instance-status.status}.
     */
    private Map<String, ?> status(Ec2Request call) {
        RequestContext ctx = call.context();
        enforcer.authorize(ctx, "os_compute_api:servers:detail", projectTarget(ctx));
        List<String> wanted = call.list("InstanceId");
        boolean all = call.bool("IncludeAllInstances").orElse(false);
        Ec2Paging paging = Ec2Paging.read(call, TOKEN_KIND, DESCRIBE_LIMIT, true, "InstanceId", "instancesSet");
        InstancePage found = named(call, ctx).orElseGet(() -> page(call, ctx, paging));
        ViewFilters filters = new ViewFilters(call.filters(), Map.of("availability-zone", "zone",
                "instance-state-name", "stateName", "instance-state-code", "stateCode",
                "system-status.status", "status", "instance-status.status", "status"));
        List<Object> set = new ArrayList<>();
        for (Instance i : found.instances()) {
            int code = InstanceStates.code(i);
            if (!all && code != InstanceStates.RUNNING) {
                continue;
            }
            String health = code == InstanceStates.RUNNING ? "ok" : code == InstanceStates.PENDING
                    ? "initializing" : "not-applicable";
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("zone", zone(i));
            facts.put("stateName", InstanceStates.name(code));
            facts.put("stateCode", code);
            facts.put("status", health);
            if (!filters.test(facts)) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("instanceId", Ec2Ids.instanceId(i));
            item.put("availabilityZone", zone(i));
            item.put("instanceState", InstanceStates.of(code));
            item.put("systemStatus", health(health));
            item.put("instanceStatus", health(health));
            set.add(item);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("instanceStatusSet", set);
        out.put("nextToken", found.nextToken());
        return out;
    }

    private static Map<String, Object> health(String status) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status);
        String passed = status.equals("ok") ? "passed" : status.equals("initializing") ? "initializing"
                : "not-applicable";
        out.put("details", List.of(Map.of("name", "reachability", "status", passed)));
        return out;
    }

    private static Map<String, Object> value(Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("value", value);
        return out;
    }

    /** The caller's instance an EC2 id names: InvalidInstanceID.NotFound when none it may see. */
    private Instance instance(RequestContext ctx, String ec2Id) {
        return instance(ctx, ec2Id, false);
    }

    private Instance instance(RequestContext ctx, String ec2Id, boolean readDeleted) {
        return InstanceLookup.find(servers, ids, ctx, ec2Id, readDeleted);
    }

    private static Ec2Error imageNotFound(String ec2Id) {
        return Ec2Error.client("InvalidAMIID.NotFound", "The image id '[" + ec2Id + "]' does not exist");
    }

    private static Map<String, Object> projectTarget(RequestContext ctx) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("project_id", ctx.projectId().orElse(null));
        target.put("user_id", ctx.userId());
        return target;
    }
}
