package org.jnova.paste;

import java.util.Map;
import org.jnova.wsgi.App;

/** Builds an application named by {@code paste.app_factory} (or {@code use} in an {@code [app:]} section). */
@FunctionalInterface
public interface AppFactory {
    /**
     * @param globalConf the {@code [DEFAULT]} section plus {@code here} and {@code __file__}
     * @param localConf the section's own keys, minus the loader keys
     */
    App create(Map<String, String> globalConf, Map<String, String> localConf);
}
