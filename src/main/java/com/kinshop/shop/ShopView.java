package com.kinshop.shop;

import com.kinshop.identity.AccountId;

/** A shop with its owner's name on it (the point of a micro-shop: people buy from people). */
public record ShopView(ShopId id, String code, String name, String intro, String avatarUrl, AccountId owner, String ownerNickname,
                       String ownerAvatarUrl) {

    public String initial() {
        return name.isEmpty() ? "?" : name.substring(0, name.offsetByCodePoints(0, 1));
    }
}
