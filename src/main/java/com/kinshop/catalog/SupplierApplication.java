package com.kinshop.catalog;

import com.kinshop.identity.Validation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.List;

/** An onboarding application (入驻申请). The licence number is the 18-character unified social credit code. */
public record SupplierApplication(
        @NotBlank(message = "{supplier.name.required}") @Size(max = 60, message = "{supplier.name.size}") String companyName,
        @NotBlank(message = "{supplier.contact.required}") @Size(max = 30, message = "{supplier.contact.size}") String contactName,
        @NotBlank(message = "{phone.required}") @Pattern(regexp = Validation.PHONE, message = "{phone.invalid}") String contactPhone,
        @NotBlank(message = "{supplier.licence.required}") @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{18}", message = "{supplier.licence.invalid}") String licenceNo,
        @NotEmpty(message = "{supplier.categories.required}") List<Long> categoryIds,
        @NotNull(message = "{supplier.deposit.required}") @PositiveOrZero(message = "{supplier.deposit.invalid}")
        @Max(value = 1_000_000, message = "{supplier.deposit.invalid}") Integer depositYuan) {
}
