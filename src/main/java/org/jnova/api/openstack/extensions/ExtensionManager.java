package org.jnova.api.openstack.extensions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads API extensions once at start-up, as nova's {@code ExtensionManager}: every
 * {@link Extension} the class loader's {@link ServiceLoader} finds, then each class named in
 * {@code osapi_compute_extension}. An extension that fails to load is logged ("Failed to
 * load extension ...") and skipped, never fatal; a second extension with an alias already
 * loaded fails that way too.
 */
public final class ExtensionManager {
    private static final Logger LOG = LoggerFactory.getLogger(ExtensionManager.class);

    private final Map<String, Extension> extensions = new LinkedHashMap<>();

    /**
     * @param classNames the values of {@code osapi_compute_extension}
     * @param loader where extensions are looked for (e.g. a loader over vendor jars)
     */
    public ExtensionManager(List<String> classNames, ClassLoader loader) {
        Objects.requireNonNull(classNames, "classNames is null");
        Objects.requireNonNull(loader, "loader is null");
        LOG.info("Initializing extension manager.");
        Iterator<Extension> found = ServiceLoader.load(Extension.class, loader).iterator();
        while (true) {
            try {
                if (!found.hasNext()) {
                    break;
                }
                register(found.next());
            } catch (ServiceConfigurationError | RuntimeException e) {
                LOG.warn("Failed to load extension {}: {}", "from " + Extension.class.getName() + " services", e.toString());
            }
        }
        for (String className : classNames) {
            if (className.isBlank()) {
                continue;
            }
            try {
                LOG.debug("Loading extension {}", className);
                Class<?> type = Class.forName(className.trim(), true, loader);
                register((Extension) type.getConstructor().newInstance());
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                LOG.warn("Failed to load extension {}: {}", className, e.toString());
            }
        }
    }

    /** No extensions. */
    public static ExtensionManager none() {
        return new ExtensionManager(List.of(), new ClassLoader(null) { });
    }

    private void register(Extension extension) {
        String alias = extension.alias();
        if (extensions.containsKey(alias)) {
            throw new IllegalStateException("Found duplicate extension: " + alias);
        }
        // touch what the router will ask for, so a broken extension fails here and is skipped
        extension.name();
        extension.description();
        extension.resources();
        extension.controllerExtensions();
        LOG.debug("Loaded extension: {}", alias);
        extensions.put(alias, extension);
    }

    /** Loaded extensions, by alias. */
    public List<Extension> extensions() {
        List<Extension> sorted = new ArrayList<>(extensions.values());
        sorted.sort(Comparator.comparing(Extension::alias));
        return sorted;
    }

    public List<ResourceExtension> resources() {
        List<ResourceExtension> resources = new ArrayList<>();
        extensions.values().forEach(extension -> resources.addAll(extension.resources()));
        return resources;
    }

    /** Controller extensions with the extension that brought each. */
    public List<Map.Entry<Extension, ControllerExtension>> controllerExtensions() {
        List<Map.Entry<Extension, ControllerExtension>> all = new ArrayList<>();
        extensions.values().forEach(extension -> extension.controllerExtensions()
                .forEach(controller -> all.add(Map.entry(extension, controller))));
        return all;
    }
}
