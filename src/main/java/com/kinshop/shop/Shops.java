package com.kinshop.shop;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.ProductCard;
import com.kinshop.catalog.ProductId;
import com.kinshop.identity.AccountId;
import com.kinshop.identity.AccountView;
import com.kinshop.identity.Accounts;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.MediaStore;
import com.kinshop.shared.UniqueConstraints;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Opening and running a micro-shop: no fee, no stock. Picks (选品) come only from sellable products, and a product
 * that stops being sellable disappears from every shop at once, because shops show picks through the catalog.
 */
@Service
public class Shops {

    private static final String CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final Set<String> RESERVED = Set.of("admin", "api", "shop", "kinshop", "console", "login", "null");
    private static final int MAX_PICKS = 200;
    private static final long MAX_AVATAR_BYTES = 2L * 1024 * 1024;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Catalog catalog;
    private final MediaStore media;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Shops(JdbcClient jdbc, Accounts accounts, Catalog catalog, MediaStore media, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.catalog = catalog;
        this.media = media;
        this.clock = clock;
    }

    @Transactional
    public ShopView open(AccountId owner, ShopForm form) {
        if (ownedBy(owner).isPresent()) {
            throw BusinessException.conflict(null, "shop.already-open");
        }
        String code = form.code() == null || form.code().isBlank() ? freeCode() : checkedCode(form.code());
        try {
            jdbc.sql("insert into shop (owner_account_id, code, name, intro, created_at) values (?, ?, ?, ?, ?)")
                    .params(owner.value(), code, form.name().strip(), intro(form), clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException e) {
            // the transaction is aborted now: tell the two unique constraints apart by name, not by another query
            throw UniqueConstraints.violated(e, "shop_owner_account_id_key")
                    ? BusinessException.conflict(null, "shop.already-open")
                    : BusinessException.conflict("code", "shop.code.taken");
        }
        return ownedBy(owner).orElseThrow();
    }

    @Transactional
    public ShopView update(AccountId owner, ShopForm form) {
        ShopView shop = ownedBy(owner).orElseThrow(() -> BusinessException.notFound("shop.not-open"));
        String code = form.code() == null || form.code().isBlank() ? shop.code() : checkedCode(form.code());
        try {
            jdbc.sql("update shop set name = ?, intro = ?, code = ? where id = ?")
                    .params(form.name().strip(), intro(form), code, shop.id().value()).update();
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict("code", "shop.code.taken");
        }
        return ownedBy(owner).orElseThrow();
    }

    @Transactional
    public ShopView changeAvatar(AccountId owner, byte[] image) {
        ShopView shop = ownedBy(owner).orElseThrow(() -> BusinessException.notFound("shop.not-open"));
        String url = media.storeImage("shops", image, MAX_AVATAR_BYTES, 256, "avatar");
        jdbc.sql("update shop set avatar = ? where id = ?").params(url, shop.id().value()).update();
        return ownedBy(owner).orElseThrow();
    }

    /** Adds a sellable product at the end of the shop; picking it again changes nothing. */
    @Transactional
    public void pick(AccountId owner, ProductId product) {
        ShopView shop = ownedBy(owner).orElseThrow(() -> BusinessException.notFound("shop.not-open"));
        if (!catalog.isSellable(product)) {
            throw BusinessException.invalid("productId", "shop.pick.not-sellable");
        }
        int count = jdbc.sql("select count(*) from shop_pick where shop_id = ?").param(shop.id().value()).query(Integer.class).single();
        if (count >= MAX_PICKS) {
            throw BusinessException.invalid("productId", "shop.pick.too-many", MAX_PICKS);
        }
        jdbc.sql("""
                        insert into shop_pick (shop_id, product_id, position, picked_at)
                        values (:shop, :product, (select coalesce(max(position), 0) + 1 from shop_pick where shop_id = :shop), :now)
                        on conflict do nothing""")
                .param("shop", shop.id().value()).param("product", product.value()).param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    @Transactional
    public void unpick(AccountId owner, ProductId product) {
        ShopView shop = ownedBy(owner).orElseThrow(() -> BusinessException.notFound("shop.not-open"));
        jdbc.sql("delete from shop_pick where shop_id = ? and product_id = ?").params(shop.id().value(), product.value()).update();
    }

    /**
     * Puts the listed picks first, in the given order; picks not listed (e.g. currently off sale, so not shown) keep
     * their relative order after them. Listing a product that is not picked, or one twice, is refused.
     */
    @Transactional
    public void reorder(AccountId owner, List<ProductId> order) {
        ShopView shop = ownedBy(owner).orElseThrow(() -> BusinessException.notFound("shop.not-open"));
        List<Long> current = pickIds(shop.id());
        List<Long> wanted = order.stream().map(ProductId::value).toList();
        if (Set.copyOf(wanted).size() != wanted.size() || !current.containsAll(wanted)) {
            throw BusinessException.invalid("productIds", "shop.reorder.mismatch");
        }
        List<Long> all = new java.util.ArrayList<>(wanted);
        current.stream().filter(id -> !wanted.contains(id)).forEach(all::add);
        for (int i = 0; i < all.size(); i++) {
            jdbc.sql("update shop_pick set position = ? where shop_id = ? and product_id = ?").params(i + 1, shop.id().value(), all.get(i)).update();
        }
    }

    public Optional<ShopView> ownedBy(AccountId owner) {
        return jdbc.sql("select id, code, name, intro, avatar, owner_account_id from shop where owner_account_id = ?").param(owner.value())
                .query(this::view).optional();
    }

    public Optional<ShopView> byCode(String code) {
        return jdbc.sql("select id, code, name, intro, avatar, owner_account_id from shop where code = ?").param(code)
                .query(this::view).optional();
    }

    /** Whose shop this code is: one indexed read, for rules that need the owner and not the shop's page. */
    public Optional<AccountId> ownerOf(String code) {
        return jdbc.sql("select owner_account_id from shop where code = ?").param(code).query(Long.class).optional().map(AccountId::new);
    }

    /** The shop's picks that can be sold now, in the owner's order. */
    public List<ProductCard> picks(ShopId shop) {
        return catalog.sellableCards(pickIds(shop).stream().map(ProductId::new).toList());
    }

    public boolean hasPicked(ShopId shop, ProductId product) {
        return jdbc.sql("select exists (select 1 from shop_pick where shop_id = ? and product_id = ?)")
                .params(shop.value(), product.value()).query(Boolean.class).single();
    }

    private List<Long> pickIds(ShopId shop) {
        return jdbc.sql("select product_id from shop_pick where shop_id = ? order by position, picked_at").param(shop.value())
                .query(Long.class).list();
    }

    private ShopView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        AccountView owner = accounts.get(new AccountId(rs.getLong("owner_account_id")));
        return new ShopView(new ShopId(rs.getLong("id")), rs.getString("code"), rs.getString("name"), rs.getString("intro"),
                rs.getString("avatar"), owner.id(), owner.nickname(), owner.avatarUrl());
    }

    private String checkedCode(String code) {
        if (RESERVED.contains(code)) {
            throw BusinessException.conflict("code", "shop.code.taken");
        }
        return code;
    }

    private String freeCode() {
        for (int attempt = 0; attempt < 20; attempt++) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
            }
            if (byCode(code.toString()).isEmpty()) {
                return code.toString();
            }
        }
        throw new IllegalStateException("No free shop code after 20 attempts");
    }

    private static String intro(ShopForm form) {
        return form.intro() == null ? "" : form.intro().strip();
    }
}
