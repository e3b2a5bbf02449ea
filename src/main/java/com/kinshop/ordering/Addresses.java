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
import java.util.Optional;

/**
 * A member's address book (收货地址). Every query is scoped to the owner: another member's address is "not found".
 * The first address becomes the default; a unique index and a per-owner lock keep it at one.
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
        return find(owner, id).orElseThrow(() -> BusinessException.notFound("address.not-found"));
    }

    /** The buyer's address an order is to go to, or a refusal naming {@code addressId}. */
    public Address toDeliverTo(AccountId owner, AddressId id) {
        return find(owner, id).orElseThrow(() -> BusinessException.invalid("addressId", "address.not-found"));
    }

    private Optional<Address> find(AccountId owner, AddressId id) {
        return jdbc.sql("select * from address where account_id = ? and id = ?").params(owner.value(), id.value()).query(Addresses::map).optional();
    }

    @Transactional
    public Address add(AccountId owner, AddressForm form) {
        // serialized per owner, so the limit and "first is default" hold under double submits
        lockBookOf(owner);
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

    /**
     * Makes one address the default and every other one not. Racing clicks queue on the owner's account row (one
     * statement alone hit the one-default index when two ran at once, a 500); the old default is cleared before the
     * new one is set, so the index never sees two.
     */
    @Transactional
    public void makeDefault(AccountId owner, AddressId id) {
        lockBookOf(owner);
        get(owner, id);
        jdbc.sql("update address set is_default = false where account_id = ? and is_default and id <> ?").params(owner.value(), id.value()).update();
        jdbc.sql("update address set is_default = true where account_id = ? and id = ?").params(owner.value(), id.value()).update();
    }

    /** Deletes an address; if it was the default, the newest remaining one becomes the default. */
    @Transactional
    public void delete(AccountId owner, AddressId id) {
        lockBookOf(owner);
        Address address = get(owner, id);
        jdbc.sql("delete from address where id = ? and account_id = ?").params(id.value(), owner.value()).update();
        if (address.isDefault()) {
            jdbc.sql("update address set is_default = true where id = (select max(id) from address where account_id = ?)")
                    .param(owner.value()).update();
        }
    }

    /** The owner's account row orders every change to which address is the default. */
    private void lockBookOf(AccountId owner) {
        jdbc.sql("select id from account where id = ? for update").param(owner.value()).query(Long.class).single();
    }

    private static Address map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Address(new AddressId(rs.getLong("id")), rs.getString("receiver"), rs.getString("phone"), rs.getString("region"),
                rs.getString("detail"), rs.getBoolean("is_default"));
    }
}
