package com.kinshop.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A sign-up: the phone proves itself with a code sent to it; the password is for signing in later. */
public record Registration(
        @NotBlank(message = "{phone.required}") @Pattern(regexp = Validation.PHONE, message = "{phone.invalid}") String phone,
        @NotBlank(message = "{code.required}") @Pattern(regexp = "\\d{6}", message = "{code.format}") String code,
        @NotBlank(message = "{password.required}") @Pattern(regexp = Validation.PASSWORD, message = "{password.invalid}") String password,
        @NotBlank(message = "{nickname.required}") @Size(max = 20, message = "{nickname.invalid}") String nickname) {
}
