package org.jnova.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.conf.cfg.Opt;
import org.junit.jupiter.api.Test;

class ApiOptsTest {
    /** name -> default text of every option of [api] in nova Zed's sample config. */
    private static Map<String, String> zedApiGroup() throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        boolean inGroup = false;
        for (String line : Files.readAllLines(Path.of("..", "shared", "reference", "nova.conf.sample-zed"))) {
            if (line.startsWith("[")) {
                inGroup = line.equals("[api]");
            } else if (inGroup && line.matches("^#[a-z_]+ =( .*)?$")) {
                String[] parts = line.substring(1).split(" =", 2);
                options.put(parts[0], parts[1].strip());
            }
        }
        return options;
    }

    @Test
    void declaresEveryApiOptionOfNovaWithItsDefault() throws Exception {
        Map<String, String> zed = zedApiGroup();
        Map<String, String> ours = new LinkedHashMap<>();
        for (Opt<?> opt : ApiOpts.all()) {
            if (opt.group().equals(ApiOpts.GROUP)) {
                ours.put(opt.name(), defaultText(opt));
            }
        }
        assertThat(ours).isEqualTo(zed);
    }

    @SuppressWarnings("unchecked")
    private static <T> String defaultText(Opt<T> opt) {
        if (opt.defaultValue().isEmpty()) {
            return "<None>";
        }
        Object value = opt.defaultValue().get();
        if (value instanceof List<?> list) {
            return String.join(",", (List<String>) list);
        }
        return String.valueOf(value);
    }

    @Test
    void extensionClassNamesAreAListDefaultingToNone() {
        ConfigOpts conf = new ConfigOpts(ApiOpts.all());
        assertThat(conf.get(ApiOpts.OSAPI_COMPUTE_EXTENSION)).isEmpty();
        conf.set(ApiOpts.OSAPI_COMPUTE_EXTENSION, "com.example.A,com.example.B");
        assertThat(conf.get(ApiOpts.OSAPI_COMPUTE_EXTENSION)).containsExactly("com.example.A", "com.example.B");
        assertThat(conf.get(ApiOpts.MAX_LIMIT)).isEqualTo(1000);
    }
}
