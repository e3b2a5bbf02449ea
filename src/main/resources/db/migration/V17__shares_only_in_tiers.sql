-- The sharer's part of a commission budget is the member tiers' (table tier); the old platform-wide setting is gone.
delete from platform_setting where name = 'level1_share_bp';
