package com.kinshop.identity.web;

import com.kinshop.identity.Accounts;
import com.kinshop.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;

@Tag(name = "Identity")
@RestController
@RequestMapping("/api/me")
class MeApi {

    private final Accounts accounts;

    MeApi(Accounts accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "The signed-in account")
    @GetMapping
    AccountResponse me(@AuthenticationPrincipal CurrentUser user) {
        return AccountResponse.of(accounts.get(user.id()));
    }

    @Operation(summary = "Change the nickname")
    @PatchMapping("/profile")
    AccountResponse updateProfile(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody Requests.ProfileUpdate body) {
        return AccountResponse.of(accounts.rename(user.id(), body.nickname()));
    }

    @Operation(summary = "Upload an avatar (PNG, JPEG or GIF, at most 2 MB)")
    @PostMapping(path = "/avatar", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    AccountResponse uploadAvatar(@AuthenticationPrincipal CurrentUser user, @RequestPart("avatar") MultipartFile avatar) throws IOException {
        return AccountResponse.of(accounts.changeAvatar(user.id(), avatar.getBytes()));
    }
}
