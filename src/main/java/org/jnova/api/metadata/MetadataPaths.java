package org.jnova.api.metadata;

import java.util.ArrayList;
import java.util.List;

/** Request paths as nova reads them: repeated slashes collapsed, "." and ".." resolved (posix normpath). */
final class MetadataPaths {
    private MetadataPaths() {
    }

    /** The path's names; an empty list for the root. */
    static List<String> tokens(String path) {
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty()) {
                    out.removeLast();
                }
                continue;
            }
            out.add(part);
        }
        return out;
    }

    /** Whether the path is the service's root ("/", "//", "/./"...). */
    static boolean isRoot(String path) {
        return path.startsWith("/") && tokens(path).isEmpty();
    }
}
