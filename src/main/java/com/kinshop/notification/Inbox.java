package com.kinshop.notification;

import com.kinshop.identity.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Each account's messages. Delivery is idempotent by a key per event and reader, so an event delivered again (the
 * publication registry retries after a crash) leaves one message, not two.
 */
@Service
public class Inbox {

    private static final String SEPARATOR = "\u001f";

    private final JdbcClient jdbc;
    private final Clock clock;

    Inbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Message(long id, String messageKey, List<String> args, String link, Instant createdAt, boolean read) {

        /** The arguments for rendering the message text. */
        public Object[] arguments() {
            return args.toArray();
        }
    }

    @Transactional
    public void deliver(AccountId reader, String dedupeKey, String messageKey, String link, Object... args) {
        String joined = String.join(SEPARATOR, Arrays.stream(args).map(String::valueOf).toList());
        jdbc.sql("""
                        insert into inbox_message (account_id, dedupe_key, message_key, args, link, created_at) values (?, ?, ?, ?, ?, ?)
                        on conflict (account_id, dedupe_key) do nothing""")
                .params(reader.value(), dedupeKey, messageKey, joined.length() > 400 ? joined.substring(0, 400) : joined, link,
                        clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    public List<Message> latest(AccountId reader, int limit) {
        return jdbc.sql("select id, message_key, args, link, created_at, read_at is not null from inbox_message where account_id = ? order by id desc limit ?")
                .params(reader.value(), limit)
                .query((rs, n) -> new Message(rs.getLong(1), rs.getString(2),
                        rs.getString(3).isEmpty() ? List.of() : List.of(rs.getString(3).split(SEPARATOR, -1)), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getBoolean(6)))
                .list();
    }

    public int unread(AccountId reader) {
        return jdbc.sql("select count(*) from inbox_message where account_id = ? and read_at is null").param(reader.value()).query(Integer.class).single();
    }

    @Transactional
    public void markAllRead(AccountId reader) {
        jdbc.sql("update inbox_message set read_at = ? where account_id = ? and read_at is null")
                .params(clock.instant().atOffset(ZoneOffset.UTC), reader.value()).update();
    }
}
