package org.jnova.api.openstack.wsgi;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.VersionRange;
import org.jnova.api.openstack.validation.SchemaDirectory;
import org.jnova.api.openstack.validation.VersionedSchemas;

/**
 * Reads a controller's annotations once, at start-up, into {@link MethodDescriptor}s. The only
 * place that uses reflection; requests go through the descriptors' method handles.
 *
 * <p>A controller method is a public method taking one {@link ApiRequest} and returning
 * anything (void, a Jackson tree, an object Jackson can write, or an ApiResult). It serves
 * the route action of its name (or {@link Handles}), or a body action ({@link Action}).
 */
public final class ControllerMethods {
    private final ObjectMapper json;

    public ControllerMethods(ObjectMapper json) {
        this.json = Objects.requireNonNull(json, "json is null");
    }

    /** Every controller method of {@code controller}, checked for overlapping version ranges. */
    public List<MethodDescriptor> describe(Object controller) {
        Class<?> type = controller.getClass();
        if (!Modifier.isPublic(type.getModifiers())) {
            throw new IllegalStateException("controller " + type.getName() + " must be a public class");
        }
        List<MethodDescriptor> methods = new ArrayList<>();
        Method[] declared = type.getMethods();
        Arrays.sort(declared, Comparator.comparing(Method::getName));
        Optional<Set<String>> schemaFiles = SchemaDirectory.fileNames(type);
        for (Method method : declared) {
            if (method.getDeclaringClass() == Object.class || Modifier.isStatic(method.getModifiers())
                    || method.getParameterCount() != 1 || method.getParameterTypes()[0] != ApiRequest.class) {
                continue;
            }
            methods.add(describe(controller, method, schemaFiles));
        }
        checkDisjoint(type, methods);
        return List.copyOf(methods);
    }

    private MethodDescriptor describe(Object controller, Method method, Optional<Set<String>> schemaFiles) {
        Class<?> type = controller.getClass();
        Action action = method.getAnnotation(Action.class);
        Handles handles = method.getAnnotation(Handles.class);
        String name = action != null ? action.value() : handles != null ? handles.value() : method.getName();
        ApiVersion version = method.getAnnotation(ApiVersion.class);
        VersionRange versions = version == null ? VersionRange.ALL : VersionRange.of(version.min(), version.max());
        List<MethodDescriptor.StatusRule> statuses = new ArrayList<>();
        for (Response response : method.getAnnotationsByType(Response.class)) {
            statuses.add(new MethodDescriptor.StatusRule(response.value(), VersionRange.of(response.min(), response.max())));
        }
        for (int i = 0; i < statuses.size(); i++) {
            for (int j = i + 1; j < statuses.size(); j++) {
                if (statuses.get(i).versions().overlaps(statuses.get(j).versions())) {
                    throw new IllegalStateException(type.getName() + "." + method.getName()
                            + ": @Response version ranges overlap");
                }
            }
        }
        ExpectedErrors errors = method.getAnnotation(ExpectedErrors.class);
        Optional<Set<Integer>> expected = errors == null ? Optional.empty()
                : Optional.of(new HashSet<>(Arrays.stream(errors.value()).boxed().toList()));
        RequestSchema requestSchema = method.getAnnotation(RequestSchema.class);
        QuerySchema querySchema = method.getAnnotation(QuerySchema.class);
        return new MethodDescriptor(type.getSimpleName(), method.getName(), name, action != null, versions, statuses,
                expected,
                Optional.ofNullable(requestSchema).map(s -> VersionedSchemas.load(type, s.value(), json, schemaFiles)),
                Optional.ofNullable(querySchema).map(s -> VersionedSchemas.load(type, s.value(), json, schemaFiles)),
                handle(controller, method));
    }

    private static MethodHandle handle(Object controller, Method method) {
        try {
            MethodHandle handle = MethodHandles.publicLookup().unreflect(method).bindTo(controller);
            if (method.getReturnType() == void.class) {
                handle = MethodHandles.filterReturnValue(handle, MethodHandles.constant(Object.class, null));
            }
            return handle.asType(MethodType.methodType(Object.class, ApiRequest.class));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method + ": " + e.getMessage(), e);
        }
    }

    private static void checkDisjoint(Class<?> type, List<MethodDescriptor> methods) {
        for (int i = 0; i < methods.size(); i++) {
            for (int j = i + 1; j < methods.size(); j++) {
                MethodDescriptor a = methods.get(i);
                MethodDescriptor b = methods.get(j);
                if (a.action().equals(b.action()) && a.bodyAction() == b.bodyAction() && a.versions().overlaps(b.versions())) {
                    throw new IllegalStateException(type.getName() + ": methods " + a.javaName() + " and " + b.javaName()
                            + " both serve " + a.action() + " at overlapping versions " + a.versions() + " and "
                            + b.versions());
                }
            }
        }
    }
}
