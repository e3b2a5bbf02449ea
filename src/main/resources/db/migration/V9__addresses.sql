-- A member's address book. At most one default per member, enforced by the database.
create table address (
    id           bigint generated always as identity primary key,
    account_id   bigint       not null references account (id),
    receiver     varchar(20)  not null,
    phone        varchar(11)  not null,
    region       varchar(60)  not null,
    detail       varchar(120) not null,
    is_default   boolean      not null default false,
    created_at   timestamptz  not null
);
create index address_by_account on address (account_id, id);
create unique index address_one_default on address (account_id) where is_default;
