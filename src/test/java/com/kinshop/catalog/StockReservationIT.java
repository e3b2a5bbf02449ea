package com.kinshop.catalog;

import com.kinshop.shared.BusinessException;
import com.kinshop.support.ApiTest;
import com.kinshop.support.Concurrently;
import com.kinshop.support.KinshopIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Many buyers on the last units (RELIABILITY race 7-like): available + reserved + sold stays the initial stock. */
@KinshopIT
class StockReservationIT extends ApiTest {

    @Autowired
    Stock stock;

    @Test
    void fiftyBuyersRaceForThreeUnitsAndExactlyThreeGetOne() throws Exception {
        long[] product = fixtures.onSale(fixtures.supplier("抢购公司"), "最后三件", 1000, 3);
        SkuId sku = new SkuId(product[1]);

        List<String> outcomes = Concurrently.all(50, () -> {
            try {
                stock.reserve(sku, 1);
                return "reserved";
            } catch (BusinessException e) {
                return e.messageKey();
            }
        });

        assertThat(outcomes).filteredOn("reserved"::equals).hasSize(3);
        assertThat(outcomes).filteredOn("sku.stock.insufficient"::equals).hasSize(47);
        assertThat(stock.levels(sku)).isEqualTo(new Stock.Levels(0, 3, 0));
    }

    @Test
    void heldUnitsAreSoldOrReleasedNeverBoth() {
        long[] product = fixtures.onSale(fixtures.supplier("流转公司"), "库存流转", 1000, 10);
        SkuId sku = new SkuId(product[1]);

        stock.reserve(sku, 4);
        stock.sell(sku, 3);
        stock.release(sku, 1);
        assertThat(stock.levels(sku)).isEqualTo(new Stock.Levels(7, 0, 3));
        assertThatThrownBy(() -> stock.release(sku, 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> stock.sell(sku, 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> stock.reserve(sku, 8)).isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> stock.reserve(sku, 0)).isInstanceOf(BusinessException.class);
        assertThat(stock.levels(sku)).isEqualTo(new Stock.Levels(7, 0, 3));
        assertThat(jdbc.sql("select sales_count from product where id = ?").param(product[0]).query(Integer.class).single()).isEqualTo(3);
    }
}
