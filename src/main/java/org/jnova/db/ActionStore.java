package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jnova.objects.InstanceAction;
import org.jnova.objects.InstanceAction.InstanceActionEvent;

/** Instance actions and their events (os-instance-actions), in the main database. */
public final class ActionStore {
    private static final String COLUMNS = "id, action, instance_uuid, request_id, user_id, project_id, start_time, "
            + "updated_at, message";
    private final Database db;

    public ActionStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** Records the start of an action (nova's InstanceAction.action_start). */
    public void start(Tx tx, String instanceUuid, String action, String requestId, String userId, String projectId)
            throws SQLException {
        var now = FlavorJson.now();
        tx.update("INSERT INTO instance_actions (action, instance_uuid, request_id, user_id, project_id, start_time, "
                + "created_at, updated_at, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)", action, instanceUuid,
                requestId, userId, projectId, now, now, now);
    }

    /** As {@link #start(Tx, String, String, String, String, String)}, in a transaction of its own. */
    public void start(String instanceUuid, String action, String requestId, String userId, String projectId) {
        db.inTransaction(tx -> {
            start(tx, instanceUuid, action, requestId, userId, projectId);
            return null;
        });
    }

    /** Starts an event of the action recorded for this request (none recorded: nothing happens). */
    public void eventStart(String instanceUuid, String requestId, String event, String host) {
        db.inTransaction(tx -> {
            Optional<Integer> id = actionId(tx, instanceUuid, requestId);
            if (id.isPresent()) {
                var now = FlavorJson.now();
                tx.update("INSERT INTO instance_actions_events (action_id, event, host, start_time, created_at, "
                        + "deleted) VALUES (?, ?, ?, ?, ?, 0)", id.get(), event, host, now, now);
                tx.update("UPDATE instance_actions SET updated_at = ? WHERE id = ?", now, id.get());
            }
            return null;
        });
    }

    /** Finishes an event with "Success" or "Error" (and the error's text as traceback). */
    public void eventFinish(String instanceUuid, String requestId, String event, String result, String traceback) {
        db.inTransaction(tx -> {
            Optional<Integer> id = actionId(tx, instanceUuid, requestId);
            if (id.isPresent()) {
                var now = FlavorJson.now();
                tx.update("UPDATE instance_actions_events SET result = ?, traceback = ?, finish_time = ?, "
                        + "updated_at = ? WHERE action_id = ? AND event = ? AND finish_time IS NULL", result,
                        traceback, now, now, id.get(), event);
                if (!"Success".equals(result)) {
                    tx.update("UPDATE instance_actions SET message = 'Error', updated_at = ? WHERE id = ?", now,
                            id.get());
                } else {
                    tx.update("UPDATE instance_actions SET updated_at = ? WHERE id = ?", now, id.get());
                }
            }
            return null;
        });
    }

    private static Optional<Integer> actionId(Tx tx, String instanceUuid, String requestId) throws SQLException {
        return tx.queryOne("SELECT id FROM instance_actions WHERE instance_uuid = ? AND request_id = ? "
                + "ORDER BY id DESC", r -> r.getInt("id"), instanceUuid, requestId);
    }

    /** Actions of an instance, newest first, without events (as the index call shows them). */
    public List<InstanceAction> list(String instanceUuid, Integer limit, String markerRequestId) {
        return list(instanceUuid, limit, markerRequestId, null, null);
    }

    /**
     * As {@link #list(String, Integer, String)}, only actions last changed (updated_at, else
     * start_time) at or after {@code since} and at or before {@code before} (null: unbounded).
     */
    public List<InstanceAction> list(String instanceUuid, Integer limit, String markerRequestId, Instant since,
            Instant before) {
        return db.read(tx -> {
            StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM instance_actions WHERE instance_uuid = ?");
            List<Object> args = new ArrayList<>(List.of(instanceUuid));
            if (markerRequestId != null) {
                Integer markerId = actionId(tx, instanceUuid, markerRequestId).orElseThrow(() ->
                        new org.jnova.exception.Invalid("Marker " + markerRequestId + " could not be found."));
                sql.append(" AND id < ?");
                args.add(markerId);
            }
            if (since != null) {
                sql.append(" AND COALESCE(updated_at, start_time) >= ?");
                args.add(since);
            }
            if (before != null) {
                sql.append(" AND COALESCE(updated_at, start_time) <= ?");
                args.add(before);
            }
            sql.append(" ORDER BY created_at DESC, id DESC");
            if (limit != null) {
                sql.append(" LIMIT ").append(limit);
            }
            return tx.query(sql.toString(), r -> row(r, List.of()), args.toArray());
        });
    }

    /** One action with its events. */
    public Optional<InstanceAction> get(String instanceUuid, String requestId) {
        return db.read(tx -> {
            Optional<InstanceAction> action = tx.queryOne("SELECT " + COLUMNS + " FROM instance_actions WHERE "
                    + "instance_uuid = ? AND request_id = ? ORDER BY id DESC", r -> row(r, List.of()), instanceUuid,
                    requestId);
            if (action.isEmpty()) {
                return action;
            }
            List<InstanceActionEvent> events = tx.query("SELECT event, start_time, finish_time, result, traceback, "
                    + "host, details FROM instance_actions_events WHERE action_id = ? ORDER BY id",
                    r -> new InstanceActionEvent(r.getString("event"), r.getInstant("start_time"),
                            r.getInstant("finish_time"), r.getString("result"), r.getString("traceback"),
                            r.getString("host"), r.getString("details")), action.get().id());
            InstanceAction a = action.get();
            return Optional.of(new InstanceAction(a.id(), a.action(), a.instanceUuid(), a.requestId(), a.userId(),
                    a.projectId(), a.startTime(), a.updatedAt(), a.message(), events));
        });
    }

    private static InstanceAction row(Row r, List<InstanceActionEvent> events) throws SQLException {
        return new InstanceAction(r.getInt("id"), r.getString("action"), r.getString("instance_uuid"),
                r.getString("request_id"), r.getString("user_id"), r.getString("project_id"),
                r.getInstant("start_time"), r.getInstant("updated_at"), r.getString("message"), events);
    }
}
