package com.kinshop.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A product as a supplier writes it: text, category, attributes (产地, 保质期 …) and its SKUs. Prices are in fen;
 * the commission budget is fen (FIXED) or basis points (RATE). The description may contain basic HTML, which is
 * sanitized before it is stored.
 */
public record ProductForm(
        @NotBlank(message = "{product.name.required}") @Size(max = 60, message = "{product.name.size}") String name,
        @Size(max = 120, message = "{product.subtitle.size}") String subtitle,
        @NotNull(message = "{product.category.required}") Long categoryId,
        @Size(max = 20_000, message = "{product.description.size}") String description,
        @Size(max = 20, message = "{product.attributes.size}") List<@Valid @NotNull(message = "{product.attribute.name.required}") Attribute> attributes,
        @NotEmpty(message = "{product.skus.required}") @Size(max = 50, message = "{product.skus.size}") List<@Valid @NotNull(message = "{product.skus.required}") SkuForm> skus) {

    /** ¥1,000,000 and ten million units: far above any real SKU, far below arithmetic overflow. */
    public static final long MAX_FEN = 100_000_000L;
    public static final int MAX_STOCK = 10_000_000;

    public record Attribute(
            @NotBlank(message = "{product.attribute.name.required}") @Size(max = 20, message = "{product.attribute.size}") String name,
            @NotBlank(message = "{product.attribute.value.required}") @Size(max = 60, message = "{product.attribute.size}") String value) {
    }

    public record SkuForm(
            @NotBlank(message = "{sku.spec.required}") @Size(max = 40, message = "{sku.spec.size}") String spec,
            @NotNull(message = "{sku.retail.required}") @Max(value = MAX_FEN, message = "{sku.amount.too-large}") Long retailFen,
            @NotNull(message = "{sku.supply.required}") @Max(value = MAX_FEN, message = "{sku.amount.too-large}") Long supplyFen,
            @NotNull(message = "{sku.commission.kind.required}") CommissionBudget.Kind commissionKind,
            @NotNull(message = "{sku.commission.required}") @PositiveOrZero(message = "{sku.commission.negative}")
            @Max(value = MAX_FEN, message = "{sku.amount.too-large}") Long commissionValue,
            @NotNull(message = "{sku.stock.required}") @PositiveOrZero(message = "{sku.stock.negative}")
            @Max(value = MAX_STOCK, message = "{sku.stock.too-large}") Integer stock) {
    }
}
