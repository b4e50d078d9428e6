package org.jnova.compute;

import java.sql.SQLException;
import org.jnova.db.Tx;

/** A cast recorded in the transaction of the state change it announces, sent once that commits. */
@FunctionalInterface
interface TransactionalCast {
    void record(Tx tx) throws SQLException;
}
