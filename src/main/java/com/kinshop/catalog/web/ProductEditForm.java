package com.kinshop.catalog.web;

import com.kinshop.shared.FormAmounts;
import com.kinshop.catalog.CommissionBudget;
import com.kinshop.catalog.ProductDetail;
import com.kinshop.catalog.ProductForm;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The product form as a supplier types it: prices in yuan, a fixed commission in yuan or a rate in percent, spare
 * blank rows for new SKUs and attributes. {@link #toProductForm()} turns it into the fen-based {@link ProductForm}.
 */
record ProductEditForm(String name, String subtitle, Long categoryId, String description, List<AttributeRow> attributes, List<SkuRow> skus) {

    private static final int SPARE_ROWS = 2;

    record AttributeRow(String name, String value) {
        boolean blank() {
            return isBlank(name) && isBlank(value);
        }
    }

    record SkuRow(String spec, String retail, String supply, CommissionBudget.Kind commissionKind, String commission, String stock) {
        boolean blank() {
            return isBlank(spec) && isBlank(retail) && isBlank(supply) && isBlank(commission) && isBlank(stock);
        }
    }

    static ProductEditForm empty() {
        return new ProductEditForm("", "", null, "", new ArrayList<>(), new ArrayList<>()).withSpareRows();
    }

    static ProductEditForm of(ProductDetail product) {
        List<AttributeRow> attributes = new ArrayList<>(product.attributes().stream().map(a -> new AttributeRow(a.name(), a.value())).toList());
        List<SkuRow> skus = new ArrayList<>(product.skus().stream().map(sku -> new SkuRow(sku.spec(), sku.price().toPlainString(),
                sku.supplyPrice().toPlainString(), sku.budget().kind(),
                sku.budget().kind() == CommissionBudget.Kind.FIXED ? Money.fen(sku.budget().value()).toPlainString()
                        : BigDecimal.valueOf(sku.budget().value(), 2).stripTrailingZeros().toPlainString(),
                String.valueOf(sku.stock()))).toList());
        return new ProductEditForm(product.name(), product.subtitle(), product.categoryId().value(), product.descriptionHtml(), attributes, skus)
                .withSpareRows();
    }

    ProductEditForm withSpareRows() {
        List<AttributeRow> a = new ArrayList<>(attributes == null ? List.of() : attributes.stream().filter(row -> !row.blank()).toList());
        List<SkuRow> s = new ArrayList<>(skus == null ? List.of() : skus.stream().filter(row -> !row.blank()).toList());
        Stream.generate(() -> new AttributeRow("", "")).limit(SPARE_ROWS).forEach(a::add);
        Stream.generate(() -> new SkuRow("", "", "", CommissionBudget.Kind.RATE, "", "")).limit(SPARE_ROWS).forEach(s::add);
        return new ProductEditForm(name, subtitle, categoryId, description, a, s);
    }

    /** Non-blank rows only; amounts parsed exactly. A field that is not a number is refused by its row index. */
    ProductForm toProductForm() {
        List<ProductForm.Attribute> attributeList = (attributes == null ? List.<AttributeRow>of() : attributes).stream()
                .filter(row -> !row.blank()).map(row -> new ProductForm.Attribute(row.name(), row.value())).toList();
        List<ProductForm.SkuForm> skuList = new ArrayList<>();
        List<SkuRow> rows = skus == null ? List.of() : skus;
        for (int i = 0; i < rows.size(); i++) {
            SkuRow row = rows.get(i);
            if (row.blank()) {
                continue;
            }
            String prefix = "skus[" + i + "].";
            skuList.add(new ProductForm.SkuForm(row.spec(), yuan(row.retail(), prefix + "retail"), yuan(row.supply(), prefix + "supply"),
                    row.commissionKind(), commission(row, prefix + "commission"), integer(row.stock(), prefix + "stock")));
        }
        return new ProductForm(name, subtitle, categoryId, description, attributeList, skuList);
    }

    /** Maps a field of {@link ProductForm} back to the field of this form that shows it. */
    String formField(String productFormField) {
        if (productFormField == null) {
            return null;
        }
        String mapped = productFormField.replace(".retailFen", ".retail").replace(".supplyFen", ".supply")
                .replace(".commissionValue", ".commission");
        if (mapped.startsWith("skus[")) {
            int kept = Integer.parseInt(mapped.substring(5, mapped.indexOf(']')));
            int original = nonBlankIndex(kept);
            mapped = "skus[" + original + "]" + mapped.substring(mapped.indexOf(']') + 1);
        }
        return mapped;
    }

    private int nonBlankIndex(int kept) {
        for (int i = 0, seen = -1; i < skus.size(); i++) {
            if (!skus.get(i).blank() && ++seen == kept) {
                return i;
            }
        }
        return kept;
    }

    private static Long yuan(String text, String field) {
        return FormAmounts.fen(text, field);
    }

    private static Long commission(SkuRow row, String field) {
        return row.commissionKind() == CommissionBudget.Kind.FIXED
                ? FormAmounts.fen(row.commission(), field) : FormAmounts.basisPoints(row.commission(), field);
    }

    private static Integer integer(String text, String field) {
        if (isBlank(text)) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw BusinessException.invalid(field, "form.integer.invalid");
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
