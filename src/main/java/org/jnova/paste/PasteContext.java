package org.jnova.paste;

import org.jnova.wsgi.App;
import org.jnova.wsgi.Middleware;

/** What a composite factory may load: other applications and filters of the same paste file. */
public interface PasteContext {
    /** The application (app, composite, pipeline or filter-app section, or factory spec) of this name. */
    App getApp(String name);

    /** The filter section (or factory spec) of this name. */
    Middleware getFilter(String name);
}
