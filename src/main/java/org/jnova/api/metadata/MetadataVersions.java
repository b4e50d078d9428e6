package org.jnova.api.metadata;

import java.util.List;

/** The metadata versions nova serves: EC2's dated versions and OpenStack's, oldest first. */
final class MetadataVersions {
    /** EC2-style versions; "latest" is the last of them. */
    static final List<String> EC2 = List.of("1.0", "2007-01-19", "2007-03-01", "2007-08-29", "2007-10-10",
            "2007-12-15", "2008-02-01", "2008-09-01", "2009-04-04");

    static final String FOLSOM = "2012-08-10";
    static final String GRIZZLY = "2013-04-04";
    static final String HAVANA = "2013-10-17";
    static final String LIBERTY = "2015-10-15";
    static final String NEWTON_ONE = "2016-06-30";
    static final String NEWTON_TWO = "2016-10-06";
    static final String OCATA = "2017-02-22";
    static final String ROCKY = "2018-08-27";
    static final String VICTORIA = "2020-10-14";

    /** OpenStack versions; "latest" is the last of them. */
    static final List<String> OPENSTACK = List.of(FOLSOM, GRIZZLY, HAVANA, LIBERTY, NEWTON_ONE, NEWTON_TWO, OCATA,
            ROCKY, VICTORIA);

    static final String LATEST = "latest";

    private MetadataVersions() {
    }

    /** Whether {@code version} (a dated one, or "latest") is {@code required} or newer within {@code versions}. */
    static boolean atLeast(String required, String version, List<String> versions) {
        if (LATEST.equals(version)) {
            return true;
        }
        return versions.indexOf(version) >= versions.indexOf(required);
    }
}
