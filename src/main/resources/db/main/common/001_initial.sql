-- jnova main database, version 1. Tokens ${...} are replaced per engine (org.jnova.db.Dialect).
-- Soft-deleted rows keep deleted = id (0 while live), as nova; archive moves them to shadow_*.
CREATE TABLE instances (
    id ${ID},
    uuid VARCHAR(36) NOT NULL,
    display_name VARCHAR(255),
    display_description TEXT,
    hostname VARCHAR(255),
    project_id VARCHAR(255) NOT NULL,
    user_id VARCHAR(255) NOT NULL,
    vm_state VARCHAR(255),
    task_state VARCHAR(255),
    power_state INTEGER NOT NULL DEFAULT 0,
    instance_type_id INTEGER,
    flavor ${TEXT},
    memory_mb INTEGER NOT NULL DEFAULT 0,
    vcpus INTEGER NOT NULL DEFAULT 0,
    root_gb INTEGER NOT NULL DEFAULT 0,
    ephemeral_gb INTEGER NOT NULL DEFAULT 0,
    image_ref VARCHAR(255),
    host VARCHAR(255),
    node VARCHAR(255),
    launched_on VARCHAR(255),
    availability_zone VARCHAR(255),
    key_name VARCHAR(255),
    key_data ${TEXT},
    locked ${BOOL} NOT NULL DEFAULT FALSE,
    locked_by VARCHAR(255),
    locked_reason VARCHAR(255),
    access_ip_v4 VARCHAR(39),
    access_ip_v6 VARCHAR(39),
    config_drive VARCHAR(255),
    user_data ${MEDIUMTEXT},
    reservation_id VARCHAR(255),
    launch_index INTEGER NOT NULL DEFAULT 0,
    progress INTEGER NOT NULL DEFAULT 0,
    root_device_name VARCHAR(255),
    launched_at ${DATETIME},
    terminated_at ${DATETIME},
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME},
    deleted_at ${DATETIME},
    deleted INTEGER NOT NULL DEFAULT 0
)${ENGINE};
CREATE UNIQUE INDEX uniq_instances0uuid ON instances (uuid);
CREATE INDEX instances_project_id_deleted_idx ON instances (project_id, deleted);
CREATE INDEX instances_host_deleted_idx ON instances (host, deleted);
CREATE INDEX instances_reservation_id_idx ON instances (reservation_id);
CREATE INDEX instances_deleted_created_at_idx ON instances (deleted, created_at);

CREATE TABLE instance_metadata (
    id ${ID},
    instance_uuid VARCHAR(36) NOT NULL,
    meta_key VARCHAR(255) NOT NULL,
    meta_value VARCHAR(255),
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME},
    deleted_at ${DATETIME},
    deleted INTEGER NOT NULL DEFAULT 0
)${ENGINE};
CREATE INDEX instance_metadata_instance_uuid_idx ON instance_metadata (instance_uuid);

CREATE TABLE instance_system_metadata (
    id ${ID},
    instance_uuid VARCHAR(36) NOT NULL,
    meta_key VARCHAR(255) NOT NULL,
    meta_value VARCHAR(255),
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME},
    deleted_at ${DATETIME},
    deleted INTEGER NOT NULL DEFAULT 0
)${ENGINE};
CREATE INDEX instance_system_metadata_uuid_idx ON instance_system_metadata (instance_uuid);

CREATE TABLE tags (
    resource_id VARCHAR(36) NOT NULL,
    tag VARCHAR(80) NOT NULL,
    PRIMARY KEY (resource_id, tag)
)${ENGINE};
CREATE INDEX tags_tag_idx ON tags (tag);

CREATE TABLE instance_faults (
    id ${ID},
    instance_uuid VARCHAR(36) NOT NULL,
    code INTEGER NOT NULL,
    message VARCHAR(255),
    details ${MEDIUMTEXT},
    host VARCHAR(255),
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME},
    deleted_at ${DATETIME},
    deleted INTEGER NOT NULL DEFAULT 0
)${ENGINE};
CREATE INDEX instance_faults_instance_uuid_idx ON instance_faults (instance_uuid, deleted, created_at);

CREATE TABLE instance_actions (
    id ${ID},
    action VARCHAR(255) NOT NULL,
    instance_uuid VARCHAR(36) NOT NULL,
    request_id VARCHAR(255) NOT NULL,
    user_id VARCHAR(255),
    project_id VARCHAR(255),
    start_time ${DATETIME},
    finish_time ${DATETIME},
    message VARCHAR(255),
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME},
    deleted_at ${DATETIME},
    deleted INTEGER NOT NULL DEFAULT 0
)${ENGINE};
CREATE INDEX instance_actions_instance_uuid_idx ON instance_actions (instance_uuid);
CREATE INDEX instance_actions_request_id_idx ON instance_actions (request_id);

CREATE TABLE instance_actions_events (
    id ${ID},
    action_id INTEGER NOT NULL,
    event VARCHAR(255) NOT NULL,
    result VARCHAR(255),
    traceback ${TEXT},
    host VARCHAR(255),
    details ${TEXT},
    start_time ${DATETIME},
    finish_time ${DATETIME},
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME},
    deleted_at ${DATETIME},
    deleted INTEGER NOT NULL DEFAULT 0
)${ENGINE};
CREATE INDEX instance_actions_events_action_id_idx ON instance_actions_events (action_id);

CREATE TABLE virtual_interfaces (
    id ${ID},
    uuid VARCHAR(36) NOT NULL,
    instance_uuid VARCHAR(36) NOT NULL,
    network_label VARCHAR(255) NOT NULL,
    address VARCHAR(255) NOT NULL,
    fixed_ip VARCHAR(39) NOT NULL,
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME},
    deleted_at ${DATETIME},
    deleted INTEGER NOT NULL DEFAULT 0
)${ENGINE};
CREATE UNIQUE INDEX uniq_virtual_interfaces0address0deleted ON virtual_interfaces (address, deleted);
CREATE UNIQUE INDEX uniq_virtual_interfaces0fixed_ip0deleted ON virtual_interfaces (fixed_ip, deleted);
CREATE INDEX virtual_interfaces_instance_uuid_idx ON virtual_interfaces (instance_uuid);

CREATE TABLE block_device_mapping (
    id ${ID},
    uuid VARCHAR(36) NOT NULL,
    instance_uuid VARCHAR(36) NOT NULL,
    source_type VARCHAR(255),
    destination_type VARCHAR(255),
    image_id VARCHAR(36),
    volume_id VARCHAR(36),
    volume_size INTEGER,
    boot_index INTEGER,
    device_name VARCHAR(255),
    delete_on_termination ${BOOL} NOT NULL DEFAULT FALSE,
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME},
    deleted_at ${DATETIME},
    deleted INTEGER NOT NULL DEFAULT 0
)${ENGINE};
CREATE INDEX block_device_mapping_instance_uuid_idx ON block_device_mapping (instance_uuid);

CREATE TABLE services (
    id ${ID},
    uuid VARCHAR(36) NOT NULL,
    host VARCHAR(255) NOT NULL,
    service_binary VARCHAR(255) NOT NULL,
    topic VARCHAR(255),
    report_count INTEGER NOT NULL DEFAULT 0,
    disabled ${BOOL} NOT NULL DEFAULT FALSE,
    disabled_reason VARCHAR(255),
    forced_down ${BOOL} NOT NULL DEFAULT FALSE,
    last_seen_up ${DATETIME},
    version INTEGER NOT NULL DEFAULT 0,
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME},
    deleted_at ${DATETIME},
    deleted INTEGER NOT NULL DEFAULT 0
)${ENGINE};
CREATE UNIQUE INDEX uniq_services0host0binary0deleted ON services (host, service_binary, deleted);

CREATE TABLE compute_nodes (
    id ${ID},
    uuid VARCHAR(36) NOT NULL,
    service_id INTEGER,
    host VARCHAR(255) NOT NULL,
    hypervisor_hostname VARCHAR(255) NOT NULL,
    hypervisor_type VARCHAR(255) NOT NULL,
    hypervisor_version INTEGER NOT NULL DEFAULT 1000,
    host_ip VARCHAR(39),
    vcpus INTEGER NOT NULL,
    memory_mb INTEGER NOT NULL,
    local_gb INTEGER NOT NULL,
    vcpus_used INTEGER NOT NULL DEFAULT 0,
    memory_mb_used INTEGER NOT NULL DEFAULT 0,
    local_gb_used INTEGER NOT NULL DEFAULT 0,
    running_vms INTEGER NOT NULL DEFAULT 0,
    cpu_allocation_ratio ${FLOAT} NOT NULL,
    ram_allocation_ratio ${FLOAT} NOT NULL,
    disk_allocation_ratio ${FLOAT} NOT NULL,
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME},
    deleted_at ${DATETIME},
    deleted INTEGER NOT NULL DEFAULT 0
)${ENGINE};
CREATE UNIQUE INDEX uniq_compute_nodes0host0hypervisor_hostname0deleted ON compute_nodes (host, hypervisor_hostname, deleted);

CREATE TABLE images (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(255),
    status VARCHAR(32) NOT NULL,
    min_disk INTEGER NOT NULL DEFAULT 0,
    min_ram INTEGER NOT NULL DEFAULT 0,
    size BIGINT NOT NULL DEFAULT 0,
    properties ${TEXT},
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME},
    deleted_at ${DATETIME},
    deleted INTEGER NOT NULL DEFAULT 0
)${ENGINE};

CREATE TABLE shadow_instances AS SELECT * FROM instances WHERE 1 = 0;
CREATE TABLE shadow_instance_metadata AS SELECT * FROM instance_metadata WHERE 1 = 0;
CREATE TABLE shadow_instance_system_metadata AS SELECT * FROM instance_system_metadata WHERE 1 = 0;
CREATE TABLE shadow_tags AS SELECT * FROM tags WHERE 1 = 0;
CREATE TABLE shadow_instance_faults AS SELECT * FROM instance_faults WHERE 1 = 0;
CREATE TABLE shadow_instance_actions AS SELECT * FROM instance_actions WHERE 1 = 0;
CREATE TABLE shadow_instance_actions_events AS SELECT * FROM instance_actions_events WHERE 1 = 0;
CREATE TABLE shadow_virtual_interfaces AS SELECT * FROM virtual_interfaces WHERE 1 = 0;
CREATE TABLE shadow_block_device_mapping AS SELECT * FROM block_device_mapping WHERE 1 = 0;
