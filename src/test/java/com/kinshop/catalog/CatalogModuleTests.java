package com.kinshop.catalog;

import com.kinshop.identity.AccountAccess;
import com.kinshop.identity.AccountId;
import com.kinshop.identity.Accounts;
import com.kinshop.shared.BusinessException;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Phones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog module with only what it depends on (identity, shared): the supply side from application to sale. */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class CatalogModuleTests {

    @Autowired
    Suppliers suppliers;
    @Autowired
    SupplierProducts products;
    @Autowired
    ProductReviews reviews;
    @Autowired
    Catalog catalog;
    @Autowired
    Categories categories;
    @Autowired
    AccountAccess access;
    @Autowired
    Accounts accounts;

    @Test
    void fromApplicationToSellableProduct() {
        AccountId applicant = access.createIfAbsent(Phones.fresh(), "secret123", "模块供应商", Set.of()).id();
        AccountId operator = accounts.findByPhone(Fixtures.OPERATOR_PHONE).orElseThrow().id();
        CategoryId top = categories.tree().get(0).category().id();
        CategoryId leaf = categories.tree().get(0).children().get(0).id();

        SupplierId supplier = suppliers.apply(applicant, new SupplierApplication("模块测试公司", "张三", "13700000001", Fixtures.licence(), List.of(top.value()), 0));
        suppliers.approve(operator, supplier);
        assertThat(suppliers.supplierOf(applicant)).contains(supplier);

        ProductId product = products.create(supplier, new ProductForm("模块测试商品", "", leaf.value(), "", List.of(),
                List.of(new ProductForm.SkuForm("标准", 2000L, 1000L, CommissionBudget.Kind.RATE, 1000L, 3))));
        assertThatThrownBy(() -> products.submitForReview(supplier, product)).isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("product.image.required");
        products.addImage(supplier, product, Fixtures.png(20, 20));
        products.submitForReview(supplier, product);
        assertThat(catalog.isSellable(product)).isFalse();
        reviews.approve(operator, product);
        assertThat(catalog.isSellable(product)).isTrue();
        assertThat(catalog.search("模块测试", null, ProductSort.NEWEST, 10)).extracting(ProductCard::id).containsExactly(product);
    }
}
