package com.kinshop.catalog;

import com.kinshop.shared.BusinessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves units between available, reserved (by unpaid orders) and sold. Each move is a single guarded UPDATE whose
 * row count decides: two buyers racing for the last unit cannot both get it, and nothing goes below zero.
 */
@Service
public class Stock {

    private final JdbcClient jdbc;

    Stock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Levels(int available, int reserved, int sold) {
    }

    /** Holds units for an order at checkout; refused when fewer are available. */
    @Transactional
    public void reserve(SkuId sku, int quantity) {
        requirePositive(quantity);
        int moved = jdbc.sql("update sku set stock = stock - :q, reserved = reserved + :q where id = :sku and stock >= :q")
                .param("q", quantity).param("sku", sku.value()).update();
        if (moved != 1) {
            throw BusinessException.conflict("quantity", "sku.stock.insufficient");
        }
    }

    /** Gives held units back (order cancelled or unpaid in time). */
    @Transactional
    public void release(SkuId sku, int quantity) {
        requirePositive(quantity);
        int moved = jdbc.sql("update sku set stock = stock + :q, reserved = reserved - :q where id = :sku and reserved >= :q")
                .param("q", quantity).param("sku", sku.value()).update();
        if (moved != 1) {
            throw new IllegalStateException("Cannot release " + quantity + " of SKU " + sku + ": not that many reserved");
        }
    }

    /** Turns held units into sold ones when the order is paid, and counts the sale on the product. */
    @Transactional
    public void sell(SkuId sku, int quantity) {
        requirePositive(quantity);
        int moved = jdbc.sql("update sku set reserved = reserved - :q, sold = sold + :q where id = :sku and reserved >= :q")
                .param("q", quantity).param("sku", sku.value()).update();
        if (moved != 1) {
            throw new IllegalStateException("Cannot sell " + quantity + " of SKU " + sku + ": not that many reserved");
        }
        jdbc.sql("update product set sales_count = sales_count + :q where id = (select product_id from sku where id = :sku)")
                .param("q", quantity).param("sku", sku.value()).update();
    }

    public Levels levels(SkuId sku) {
        return jdbc.sql("select stock, reserved, sold from sku where id = ?").param(sku.value())
                .query((rs, n) -> new Levels(rs.getInt(1), rs.getInt(2), rs.getInt(3))).optional()
                .orElseThrow(() -> BusinessException.notFound("product.not-found"));
    }

    private static void requirePositive(int quantity) {
        if (quantity <= 0) {
            throw BusinessException.invalid("quantity", "sku.quantity.positive");
        }
    }
}
