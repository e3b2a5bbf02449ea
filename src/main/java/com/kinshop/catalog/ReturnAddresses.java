package com.kinshop.catalog;

import com.kinshop.shared.BusinessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Suppliers' return addresses (退货地址). A return cannot be approved without one, because the buyer would not know
 * where to send the goods; an approved return keeps a copy, so a later change does not redirect parcels on the way.
 */
@Service
public class ReturnAddresses {

    private static final Pattern PHONE = Pattern.compile("1\\d{10}");

    private final JdbcClient jdbc;
    private final Clock clock;

    ReturnAddresses(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<ReturnAddress> of(SupplierId supplier) {
        return jdbc.sql("select name, phone, address from supplier_return_address where supplier_id = ?").param(supplier.value())
                .query((rs, n) -> new ReturnAddress(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    @Transactional
    public ReturnAddress change(SupplierId supplier, ReturnAddress requested) {
        ReturnAddress address = new ReturnAddress(strip(requested.name()), strip(requested.phone()), strip(requested.address()));
        if (address.name().isEmpty() || address.name().length() > 20) {
            throw BusinessException.invalid("name", "return-address.name.invalid");
        }
        if (!PHONE.matcher(address.phone()).matches()) {
            throw BusinessException.invalid("phone", "return-address.phone.invalid");
        }
        if (address.address().isEmpty() || address.address().length() > 200) {
            throw BusinessException.invalid("address", "return-address.address.invalid");
        }
        jdbc.sql("""
                        insert into supplier_return_address (supplier_id, name, phone, address, updated_at) values (?, ?, ?, ?, ?)
                        on conflict (supplier_id) do update set name = excluded.name, phone = excluded.phone, address = excluded.address,
                                                                updated_at = excluded.updated_at""")
                .params(supplier.value(), address.name(), address.phone(), address.address(), clock.instant().atOffset(ZoneOffset.UTC)).update();
        return address;
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
