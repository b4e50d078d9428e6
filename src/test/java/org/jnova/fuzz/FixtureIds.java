package org.jnova.fuzz;

/** Real ids and field values the generator aims at. */
interface FixtureIds {
    /** A real id for a path parameter that follows {@code collection} in a URL, of owner {@code o}. */
    String id(String collection, FuzzFixtures.Owner o);

    /** A value for a body field that names something real, or null. */
    String hint(String field);
}
