package org.jnova.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metadata service's paths (OpenStack and EC2 trees), read from nova's metadata transcript:
 * every path it asked, with the version segment made a placeholder ({@code {ec2}}, {@code {os}}).
 */
final class MetadataTargets {
    static final Path DEFAULT_FILE = Path.of("..", "shared", "tools", "nova-ref", "metadata-transcript.txt");
    static final List<String> EC2_VERSIONS = List.of("1.0", "2007-01-19", "2007-03-01", "2007-08-29", "2007-10-10",
            "2007-12-15", "2008-02-01", "2008-09-01", "2009-04-04", "latest", "2099-01-01");
    static final List<String> OPENSTACK_VERSIONS = List.of("2012-08-10", "2013-04-04", "2013-10-17", "2015-10-15",
            "2016-06-30", "2016-10-06", "2017-02-22", "2018-08-27", "2020-10-14", "latest", "2099-01-01");

    private static final Pattern REQUEST = Pattern.compile("^### ([A-Z]+) (\\S+)");
    private static final Pattern EC2 = Pattern.compile("^/(\\d{4}-\\d{2}-\\d{2}|1\\.0|latest)(?=/|$)");
    private static final Pattern OPENSTACK = Pattern.compile("^/openstack/(\\d{4}-\\d{2}-\\d{2}|latest)(?=/|$)");

    private MetadataTargets() {
    }

    /** Distinct "METHOD path" targets, in the transcript's order. */
    static List<String> read(Path transcript) {
        Set<String> out = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(transcript)) {
                Matcher m = REQUEST.matcher(line);
                if (m.find()) {
                    out.add(m.group(1) + " " + template(m.group(2)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + transcript, e);
        }
        return List.copyOf(new ArrayList<>(out));
    }

    static String template(String path) {
        Matcher os = OPENSTACK.matcher(path);
        if (os.find()) {
            return "/openstack/{os}" + path.substring(os.end());
        }
        Matcher ec2 = EC2.matcher(path);
        return ec2.find() ? "/{ec2}" + path.substring(ec2.end()) : path;
    }
}
