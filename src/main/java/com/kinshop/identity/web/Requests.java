package com.kinshop.identity.web;

import com.kinshop.identity.CodePurpose;
import com.kinshop.identity.Role;
import com.kinshop.identity.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** Request bodies and form objects of the identity pages and API. */
final class Requests {

    private Requests() {
    }

    record CodeRequest(
            @NotBlank(message = "{phone.required}") @Pattern(regexp = Validation.PHONE, message = "{phone.invalid}") String phone,
            @NotNull(message = "{code.purpose.required}") CodePurpose purpose) {
    }

    record PasswordLogin(
            @NotBlank(message = "{phone.required}") @Pattern(regexp = Validation.PHONE, message = "{phone.invalid}") String phone,
            @NotBlank(message = "{password.required}") @Size(max = 64, message = "{login.failed}") String password) {
    }

    record CodeLogin(
            @NotBlank(message = "{phone.required}") @Pattern(regexp = Validation.PHONE, message = "{phone.invalid}") String phone,
            @NotBlank(message = "{code.required}") @Pattern(regexp = "\\d{6}", message = "{code.format}") String code) {
    }

    record ProfileUpdate(@NotBlank(message = "{nickname.required}") @Size(max = 20, message = "{nickname.invalid}") String nickname) {
    }

    record RoleChange(@NotNull(message = "{roles.required}") Set<Role> roles) {
    }
}
