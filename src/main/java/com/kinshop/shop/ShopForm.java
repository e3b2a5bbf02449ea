package com.kinshop.shop;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Opening or editing a shop. The code is the shop's short address: /s/{code}; it may be left blank to get one. */
public record ShopForm(
        @NotBlank(message = "{shop.name.required}") @Size(max = 30, message = "{shop.name.size}") String name,
        @Pattern(regexp = "|[a-z0-9]{4,12}", message = "{shop.code.invalid}") String code,
        @Size(max = 200, message = "{shop.intro.size}") String intro) {
}
