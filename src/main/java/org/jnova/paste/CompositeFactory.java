package org.jnova.paste;

import java.util.Map;
import org.jnova.wsgi.App;

/**
 * Builds an application out of other sections of the same file, as a paste
 * {@code composite_factory}: a URL map, or nova's pipeline chosen by auth strategy.
 */
@FunctionalInterface
public interface CompositeFactory {
    App create(PasteContext context, Map<String, String> globalConf, Map<String, String> localConf);
}
