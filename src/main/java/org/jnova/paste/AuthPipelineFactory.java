package org.jnova.paste;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Middleware;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * nova's {@code pipeline_factory_v21}: a composite whose keys are auth strategies
 * ({@code keystone}, {@code noauth2}), each a pipeline of filter names ending in an
 * application; the one named by {@code [api] auth_strategy} is built. A file without a
 * pipeline for the configured strategy (nova's newer files have only {@code keystone})
 * cannot be loaded: {@link PasteLookupError}, so {@link PasteAppNotFound}.
 */
public final class AuthPipelineFactory implements CompositeFactory {
    private static final Logger LOG = LoggerFactory.getLogger(AuthPipelineFactory.class);

    private final String authStrategy;

    public AuthPipelineFactory(String authStrategy) {
        this.authStrategy = Objects.requireNonNull(authStrategy, "authStrategy is null");
    }

    @Override
    public App create(PasteContext context, Map<String, String> globalConf, Map<String, String> localConf) {
        String pipeline = localConf.get(authStrategy);
        if (pipeline == null || pipeline.isBlank()) {
            throw new PasteLookupError("No pipeline for [api] auth_strategy '" + authStrategy
                    + "'; the section offers " + localConf.keySet());
        }
        if (authStrategy.equals("noauth2")) {
            LOG.warn("[api] auth_strategy = noauth2 checks no credentials at all: any caller may claim to be any "
                    + "user, and 'admin' is an administrator. It is for development and tests, never for a real cloud "
                    + "(nova deprecated it in 21.0.0 Ussuri).");
        }
        List<String> names = List.of(pipeline.strip().split("\\s+"));
        // filters first, then the application, as nova builds them
        List<Middleware> filters = names.subList(0, names.size() - 1).stream().map(context::getFilter).toList();
        App app = context.getApp(names.get(names.size() - 1));
        for (int i = filters.size() - 1; i >= 0; i--) {
            app = filters.get(i).wrap(app);
        }
        return app;
    }
}
