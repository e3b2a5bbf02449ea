package com.kinshop.catalog;

import com.kinshop.shared.BusinessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Two levels of categories (一级/二级), edited by operators. */
@Service
public class Categories {

    private final JdbcClient jdbc;

    Categories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Category(CategoryId id, CategoryId parent, String name, String icon) {
    }

    public record CategoryNode(Category category, List<Category> children) {
    }

    public List<CategoryNode> tree() {
        List<Category> all = jdbc.sql("select id, parent_id, name, icon from category order by position, id")
                .query((rs, n) -> new Category(new CategoryId(rs.getLong(1)),
                        rs.getObject(2) == null ? null : new CategoryId(rs.getLong(2)), rs.getString(3), rs.getString(4)))
                .list();
        Map<CategoryId, CategoryNode> roots = new LinkedHashMap<>();
        all.stream().filter(c -> c.parent() == null).forEach(c -> roots.put(c.id(), new CategoryNode(c, new ArrayList<>())));
        all.stream().filter(c -> c.parent() != null && roots.containsKey(c.parent()))
                .forEach(c -> roots.get(c.parent()).children().add(c));
        return List.copyOf(roots.values());
    }

    public java.util.Optional<CategoryId> find(String name, CategoryId parent) {
        return jdbc.sql("select id from category where name = ? and coalesce(parent_id, 0) = ?")
                .params(name, parent == null ? 0L : parent.value()).query(Long.class).optional().map(CategoryId::new);
    }

    @Transactional
    public CategoryId create(String name, CategoryId parent, String icon) {
        String trimmed = validName(name);
        if (parent != null) {
            Boolean topLevel = jdbc.sql("select parent_id is null from category where id = ?").param(parent.value())
                    .query(Boolean.class).optional().orElseThrow(() -> BusinessException.invalid("parentId", "category.not-found"));
            if (!topLevel) {
                throw BusinessException.invalid("parentId", "category.depth");
            }
        }
        try {
            return new CategoryId(jdbc.sql("""
                            insert into category (parent_id, name, icon, position)
                            values (?, ?, ?, (select coalesce(max(position), 0) + 1 from category)) returning id""")
                    .params(parent == null ? null : parent.value(), trimmed, icon == null || !icon.matches("bi-[a-z0-9-]{1,30}") ? "bi-bag" : icon)
                    .query(Long.class).single());
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict("name", "category.name.taken");
        }
    }

    @Transactional
    public void rename(CategoryId id, String name) {
        try {
            if (jdbc.sql("update category set name = ? where id = ?").params(validName(name), id.value()).update() != 1) {
                throw BusinessException.notFound("category.not-found");
            }
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict("name", "category.name.taken");
        }
    }

    /** Only an empty category can go: no sub-categories, no products, no supplier that sells in it. */
    @Transactional
    public void delete(CategoryId id) {
        boolean used = jdbc.sql("""
                        select exists (select 1 from category where parent_id = :id)
                            or exists (select 1 from product where category_id = :id)
                            or exists (select 1 from supplier_category where category_id = :id)""")
                .param("id", id.value()).query(Boolean.class).single();
        if (used) {
            throw BusinessException.conflict(null, "category.in-use");
        }
        if (jdbc.sql("delete from category where id = ?").param(id.value()).update() != 1) {
            throw BusinessException.notFound("category.not-found");
        }
    }

    private static String validName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 20) {
            throw BusinessException.invalid("name", "category.name.invalid");
        }
        return trimmed;
    }
}
