package com.kinshop.storefront;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.Categories;
import com.kinshop.catalog.CategoryId;
import com.kinshop.catalog.ProductSort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Arrays;

/** Home (daily new), categories and search. */
@Controller
class StorefrontPages {

    private final Catalog catalog;
    private final Categories categories;

    StorefrontPages(Catalog catalog, Categories categories) {
        this.catalog = catalog;
        this.categories = categories;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("tab", "home");
        model.addAttribute("categories", categories.tree());
        model.addAttribute("dailyNew", catalog.dailyNew(20));
        return "storefront/home";
    }

    @GetMapping("/categories")
    String categories(@RequestParam(required = false) Long id, @RequestParam(defaultValue = "COMPOSITE") String sort, Model model) {
        var tree = categories.tree();
        Long selected = id != null ? id : tree.isEmpty() ? null : tree.get(0).category().id().value();
        model.addAttribute("tab", "categories");
        model.addAttribute("tree", tree);
        model.addAttribute("selected", selected);
        model.addAttribute("sort", sort(sort));
        model.addAttribute("sorts", ProductSort.values());
        model.addAttribute("products", selected == null ? java.util.List.of() : catalog.search("", new CategoryId(selected), sort(sort), 60));
        return "storefront/categories";
    }

    @GetMapping("/search")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "COMPOSITE") String sort, Model model) {
        model.addAttribute("tab", "home");
        model.addAttribute("q", q.strip());
        model.addAttribute("sort", sort(sort));
        model.addAttribute("sorts", ProductSort.values());
        model.addAttribute("products", catalog.search(q, null, sort(sort), 60));
        return "storefront/search";
    }

    private static ProductSort sort(String value) {
        return Arrays.stream(ProductSort.values()).filter(s -> s.name().equals(value)).findFirst().orElse(ProductSort.DEFAULT);
    }
}
