package org.jnova.conf;

import java.util.List;
import org.jnova.conf.cfg.Opt;
import org.jnova.exception.ConfigError;

/** Options of the built-in Image v2 API that glance names the same way ({@code [DEFAULT] image_size_cap}). */
public final class ImageOpts {
    public static final Opt<String> IMAGE_SIZE_CAP = Opt.string(Opt.DEFAULT_GROUP, "image_size_cap")
            .defaultValue("1099511627776")
            .help("Maximum size of image a user can upload in bytes (glance's default: 1 TiB). An upload above it "
                    + "answers 413.")
            .build();

    public static final Opt<Integer> LIMIT_PARAM_DEFAULT = Opt.integer(Opt.DEFAULT_GROUP, "limit_param_default")
            .defaultValue(25).min(1)
            .help("Default number of images an Image v2 list returns when the request gives no limit.")
            .build();

    public static final Opt<Integer> API_LIMIT_MAX = Opt.integer(Opt.DEFAULT_GROUP, "api_limit_max")
            .defaultValue(1000).min(1)
            .help("Maximum number of images an Image v2 list returns, whatever limit the request asks for.")
            .build();

    public static final Opt<Integer> IMAGE_MEMBER_QUOTA = Opt.integer(Opt.DEFAULT_GROUP, "image_member_quota")
            .defaultValue(128)
            .help("Maximum number of image members per image (glance's default). A negative value means unlimited.")
            .build();

    private ImageOpts() {
    }

    /** {@code image_size_cap} in bytes. */
    public static long imageSizeCap(org.jnova.conf.cfg.ConfigOpts conf) {
        try {
            long cap = Long.parseLong(conf.get(IMAGE_SIZE_CAP).trim());
            if (cap < 0 || cap > 9223372036854775807L) {
                throw new NumberFormatException();
            }
            return cap;
        } catch (NumberFormatException e) {
            throw new ConfigError("image_size_cap must be a number of bytes, not " + conf.get(IMAGE_SIZE_CAP));
        }
    }

    public static List<Opt<?>> all() {
        return List.of(IMAGE_SIZE_CAP, LIMIT_PARAM_DEFAULT, API_LIMIT_MAX, IMAGE_MEMBER_QUOTA);
    }
}
