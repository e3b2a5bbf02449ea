package com.kinshop.ordering;

import com.fasterxml.jackson.annotation.JsonValue;
import com.kinshop.identity.AccountId;
import com.kinshop.shared.BusinessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A member's address book (收货地址). Every query is scoped to the owner: another member's address is "not found".
 * The first address becomes the default; choosing a default is one statement, so there is never more than one.
 */
@Service
public class Addresses {

    static final int MAX_ADDRESSES = 20;

    private final JdbcClient jdbc;
    private final Clock clock;

    Addresses(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record AddressId(@JsonValue long value) {
    }

    public record Address(AddressId id, String receiver, String phone, String region, String detail, boolean isDefault) {

        public String maskedPhone() {
            return phone.substring(0, 3) + "****" + phone.substring(7);
        }
    }

    public List<Address> of(AccountId owner) {
        return jdbc.sql("select * from address where account_id = ? order by is_default desc, id desc").param(owner.value())
                .query(Addresses::map).list();
    }

    public Address get(AccountId owner, AddressId id) {
        return jdbc.sql("select * from address where account_id = ? and id = ?").params(owner.value(), id.value())
                .query(Addresses::map).optional().orElseThrow(() -> BusinessException.notFound("address.not-found"));
    }

    @Transactional
    public Address add(AccountId owner, AddressForm form) {
        // the owner's account row serializes additions, so the limit and "first is default" hold under double submits
        jdbc.sql("select id from account where id = ? for update").param(owner.value()).query(Long.class).single();
        int count = jdbc.sql("select count(*) from address where account_id = ?").param(owner.value()).query(Integer.class).single();
        if (count >= MAX_ADDRESSES) {
            throw BusinessException.invalid(null, "address.too-many", MAX_ADDRESSES);
        }
        long id = jdbc.sql("""
                        insert into address (account_id, receiver, phone, region, detail, is_default, created_at)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(owner.value(), form.receiver().strip(), form.phone(), form.region().strip(), form.detail().strip(), count == 0,
                        clock.instant().atOffset(ZoneOffset.UTC))
                .query(Long.class).single();
        return get(owner, new AddressId(id));
    }

    @Transactional
    public Address update(AccountId owner, AddressId id, AddressForm form) {
        int updated = jdbc.sql("update address set receiver = ?, phone = ?, region = ?, detail = ? where id = ? and account_id = ?")
                .params(form.receiver().strip(), form.phone(), form.region().strip(), form.detail().strip(), id.value(), owner.value())
                .update();
        if (updated != 1) {
            throw BusinessException.notFound("address.not-found");
        }
        return get(owner, id);
    }

    /** Makes one address the default and every other one not, in a single statement. */
    @Transactional
    public void makeDefault(AccountId owner, AddressId id) {
        get(owner, id);
        jdbc.sql("update address set is_default = (id = :id) where account_id = :owner and (is_default or id = :id)")
                .param("id", id.value()).param("owner", owner.value()).update();
    }

    /** Deletes an address; if it was the default, the newest remaining one becomes the default. */
    @Transactional
    public void delete(AccountId owner, AddressId id) {
        Address address = get(owner, id);
        jdbc.sql("delete from address where id = ? and account_id = ?").params(id.value(), owner.value()).update();
        if (address.isDefault()) {
            jdbc.sql("update address set is_default = true where id = (select max(id) from address where account_id = ?)")
                    .param(owner.value()).update();
        }
    }

    private static Address map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Address(new AddressId(rs.getLong("id")), rs.getString("receiver"), rs.getString("phone"), rs.getString("region"),
                rs.getString("detail"), rs.getBoolean("is_default"));
    }
}
