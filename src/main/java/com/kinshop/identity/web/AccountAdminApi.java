package com.kinshop.identity.web;

import com.kinshop.identity.AccountId;
import com.kinshop.identity.Accounts;
import com.kinshop.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "Identity administration", description = "Operator only")
@RestController
@RequestMapping("/api/admin/accounts")
class AccountAdminApi {

    private final Accounts accounts;

    AccountAdminApi(Accounts accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "Find accounts by phone prefix or nickname")
    @GetMapping
    List<AccountResponse> search(@RequestParam(defaultValue = "") String q) {
        return accounts.search(q, 100).stream().map(AccountResponse::of).toList();
    }

    @Operation(summary = "Replace an account's roles; signs the account out everywhere")
    @PutMapping("/{id}/roles")
    AccountResponse changeRoles(@AuthenticationPrincipal CurrentUser operator, @PathVariable long id,
                                @Valid @RequestBody Requests.RoleChange body) {
        return AccountResponse.of(accounts.changeRoles(operator.id(), new AccountId(id), body.roles()));
    }
}
