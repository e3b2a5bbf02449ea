-- ShedLock: one row per scheduled job that must run once per cluster (nightly jobs, timer sweeps).
-- A node runs the job only after moving lock_until past the database's now(); times are the database's (usingDbTime),
-- so the nodes' clocks never decide who holds a lock.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
