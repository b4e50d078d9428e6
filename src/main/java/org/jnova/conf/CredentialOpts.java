package org.jnova.conf;

import java.util.List;
import org.jnova.conf.cfg.Opt;

/** Keystone's {@code [credential]} options for the built-in identity's stored credentials. */
public final class CredentialOpts {
    public static final Opt<String> KEY_REPOSITORY = Opt.string("credential", "key_repository")
            .defaultValue("$state_path/credential-keys").sampleDefault("$state_path/credential-keys")
            .help("Directory of the keys that encrypt credential secrets (EC2 credentials) in the API database. "
                    + "Created with one key on first use, readable by its owner only; API nodes sharing one "
                    + "database must share this directory too. The key file with the highest number encrypts, "
                    + "every key decrypts: add a higher-numbered key to rotate, and keep the old ones while rows "
                    + "they encrypted remain (a row is encrypted again with the newest key when it is read).")
            .build();

    private CredentialOpts() {
    }

    public static List<Opt<?>> all() {
        return List.of(KEY_REPOSITORY);
    }
}
