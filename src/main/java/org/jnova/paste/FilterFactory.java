package org.jnova.paste;

import java.util.Map;
import org.jnova.wsgi.Middleware;

/** Builds a filter named by {@code paste.filter_factory} (or {@code use} in a {@code [filter:]} section). */
@FunctionalInterface
public interface FilterFactory {
    /**
     * @param globalConf the {@code [DEFAULT]} section plus {@code here} and {@code __file__}
     * @param localConf the section's own keys, minus the loader keys
     */
    Middleware create(Map<String, String> globalConf, Map<String, String> localConf);
}
