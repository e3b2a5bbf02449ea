-- Infrastructure shared by every module: HTTP sessions, the event publication registry, idempotent requests.

-- Spring Session JDBC (schema-postgresql.sql of spring-session-jdbc)
create table spring_session (
    primary_id            char(36)     not null primary key,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name)
);

-- Spring Modulith event publication registry (v2 schema of spring-modulith-events-jdbc)
create table event_publication (
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- Idempotency-Key: the first request with a key stores its response; a replay returns it.
create table idempotent_request (
    scope           varchar(120) not null,
    idempotency_key varchar(100) not null,
    request_hash    char(64)     not null,
    response_status int          not null,
    response_body   text,
    created_at      timestamptz  not null,
    primary key (scope, idempotency_key)
);
