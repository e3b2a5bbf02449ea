create table account (
    id            bigint generated always as identity primary key,
    phone         varchar(11)  not null unique,
    password_hash varchar(255) not null,
    nickname      varchar(20)  not null,
    avatar        varchar(200),
    version       int          not null default 0,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);

create table account_role (
    account_id bigint      not null references account (id) on delete cascade,
    role       varchar(20) not null check (role in ('MEMBER', 'SUPPLIER_STAFF', 'OPERATOR')),
    primary key (account_id, role)
);

-- One-time codes are kept hashed; each is consumed at most once (guarded update on consumed_at).
create table one_time_code (
    id              bigint generated always as identity primary key,
    phone           varchar(11) not null,
    purpose         varchar(16) not null check (purpose in ('REGISTER', 'LOGIN')),
    code_hash       char(64)    not null,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    failed_attempts int         not null default 0,
    consumed_at     timestamptz
);
create index one_time_code_lookup on one_time_code (phone, purpose, created_at desc);

-- What the sandbox SMS adapter "sent": shown on the dev inbox page, never used in production mode.
create table sandbox_sms (
    id         bigint generated always as identity primary key,
    phone      varchar(11)  not null,
    body       varchar(300) not null,
    created_at timestamptz  not null
);
