package com.kinshop.ordering;

import com.kinshop.identity.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A delivery address as the buyer types it: who receives it, their phone, the region (省市区) and the street address. */
public record AddressForm(
        @NotBlank(message = "{address.receiver.required}") @Size(max = 20, message = "{address.receiver.size}") String receiver,
        @NotBlank(message = "{phone.required}") @Pattern(regexp = Validation.PHONE, message = "{phone.invalid}") String phone,
        @NotBlank(message = "{address.region.required}") @Size(max = 60, message = "{address.region.size}") String region,
        @NotBlank(message = "{address.detail.required}") @Size(max = 120, message = "{address.detail.size}") String detail) {
}
