-- issue 9 (i18n): a journal says what happened as its kind and arguments, rendered in the reader's language when read
-- (message ledger.journal.<KIND>); the Chinese text stays only on journals posted before.
alter table ledger_journal add column args jsonb;
alter table ledger_journal alter column description drop not null;
alter table ledger_journal add constraint ledger_journal_says_what_happened check (description is not null or args is not null);

-- What an account belongs to, as people name it: an order's escrow is named by the order number, not its internal id.
alter table ledger_account add column reference varchar(60);
