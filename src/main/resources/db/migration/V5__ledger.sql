-- Double-entry ledger: append-only journals with unique business keys, entries that sum to zero per journal,
-- balances cached in the same transaction. The database itself refuses an unbalanced journal and any UPDATE or
-- DELETE of journals and entries, so no code path can bypass the rules.
create table ledger_account (
    id            bigint generated always as identity primary key,
    code          varchar(120) not null unique,
    type          varchar(12)  not null check (type in ('ASSET', 'LIABILITY', 'REVENUE', 'EXPENSE', 'CLEARING')),
    may_go_negative boolean    not null,
    created_at    timestamptz  not null
);

create table ledger_journal (
    id                  bigint generated always as identity primary key,
    business_key        varchar(160) not null unique,
    kind                varchar(40)  not null,
    description         varchar(200) not null,
    reverses_journal_id bigint unique references ledger_journal (id),
    posted_at           timestamptz  not null
);

create table ledger_entry (
    id         bigint generated always as identity primary key,
    journal_id bigint  not null references ledger_journal (id),
    account_id bigint  not null references ledger_account (id),
    amount_fen bigint  not null check (amount_fen <> 0),
    currency   char(3) not null default 'CNY'
);
create index ledger_entry_by_account on ledger_entry (account_id, id);
create index ledger_entry_by_journal on ledger_entry (journal_id);

create table ledger_balance (
    account_id  bigint primary key references ledger_account (id),
    balance_fen bigint not null
);

create function ledger_journal_must_balance() returns trigger language plpgsql as $$
begin
    if (select coalesce(sum(amount_fen), 0) from ledger_entry where journal_id = new.journal_id) <> 0 then
        raise exception 'ledger journal % does not balance', new.journal_id using errcode = 'check_violation';
    end if;
    if (select count(*) from ledger_entry where journal_id = new.journal_id) < 2 then
        raise exception 'ledger journal % needs at least two entries', new.journal_id using errcode = 'check_violation';
    end if;
    return null;
end $$;

-- checked at commit, when all of the journal's entries are in
create constraint trigger ledger_entry_balanced after insert on ledger_entry
    deferrable initially deferred for each row execute function ledger_journal_must_balance();

create function ledger_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the ledger is append-only: correct with a reversing journal' using errcode = 'insufficient_privilege';
end $$;

create trigger ledger_entry_append_only before update or delete on ledger_entry
    for each statement execute function ledger_is_append_only();
create trigger ledger_journal_append_only before update or delete on ledger_journal
    for each statement execute function ledger_is_append_only();
