package com.kinshop.ordering.web;

import com.kinshop.identity.CurrentUser;
import com.kinshop.ordering.AddressForm;
import com.kinshop.ordering.Addresses;
import com.kinshop.ordering.Addresses.Address;
import com.kinshop.ordering.Addresses.AddressId;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "Address book", description = "The signed-in member's delivery addresses")
@RestController
@RequestMapping("/api/me/addresses")
class AddressApi {

    private final Addresses addresses;

    AddressApi(Addresses addresses) {
        this.addresses = addresses;
    }

    @GetMapping
    List<Address> list(@AuthenticationPrincipal CurrentUser user) {
        return addresses.of(user.id());
    }

    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping
    ResponseEntity<Address> add(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody AddressForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(addresses.add(user.id(), form));
    }

    @PutMapping("/{id}")
    Address update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @RequestBody AddressForm form) {
        return addresses.update(user.id(), new AddressId(id), form);
    }

    @PostMapping("/{id}/default")
    List<Address> makeDefault(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        addresses.makeDefault(user.id(), new AddressId(id));
        return addresses.of(user.id());
    }

    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        addresses.delete(user.id(), new AddressId(id));
        return ResponseEntity.noContent().build();
    }
}
