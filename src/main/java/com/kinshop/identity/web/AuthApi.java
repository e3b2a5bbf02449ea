package com.kinshop.identity.web;

import com.kinshop.identity.AccountAccess;
import com.kinshop.identity.Accounts;
import com.kinshop.identity.CurrentUser;
import com.kinshop.identity.Registration;
import com.kinshop.shared.Idempotency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Identity", description = "Registration, sign-in by password or one-time code, sign-out")
@RestController
@RequestMapping("/api/auth")
class AuthApi {

    private final AccountAccess access;
    private final Accounts accounts;
    private final SessionLogin sessionLogin;
    private final Idempotency idempotency;

    AuthApi(AccountAccess access, Accounts accounts, SessionLogin sessionLogin, Idempotency idempotency) {
        this.access = access;
        this.accounts = accounts;
        this.sessionLogin = sessionLogin;
        this.idempotency = idempotency;
    }

    @Schema(description = "Where the CSRF token travels: read it from the cookie, send it back in the header")
    record CsrfTokenNames(@Schema(description = "The cookie that holds the token", example = "XSRF-TOKEN") String cookieName,
                          @Schema(description = "The request header to send its value in", example = "X-XSRF-TOKEN") String headerName) {
    }

    @Operation(summary = "Sets the XSRF-TOKEN cookie; send its value as the X-XSRF-TOKEN header on every POST/PUT/PATCH/DELETE")
    @GetMapping("/csrf")
    CsrfTokenNames csrf(@Parameter(hidden = true) CsrfToken token) {
        return new CsrfTokenNames("XSRF-TOKEN", token.getHeaderName());
    }

    @Schema(description = "The one-time code is on its way by SMS")
    record CodeSent(@Schema(description = "Always SENT") String status) {
    }

    @Operation(summary = "Send a one-time code by SMS (purpose REGISTER or LOGIN)")
    @ApiResponse(responseCode = "202", description = "Sent", useReturnTypeSchema = true)
    @PostMapping("/codes")
    ResponseEntity<CodeSent> requestCode(@Valid @RequestBody Requests.CodeRequest body, HttpServletRequest request) {
        access.requestCode(body.phone(), body.purpose(), request.getRemoteAddr());
        return ResponseEntity.accepted().body(new CodeSent("SENT"));
    }

    @Operation(summary = "Register with phone, one-time code, password and nickname; signs in. Accepts Idempotency-Key.")
    @ApiResponse(responseCode = "201", description = "Registered and signed in", content = @Content(schema = @Schema(implementation = AccountResponse.class)))
    @PostMapping("/register")
    ResponseEntity<?> register(@Valid @RequestBody Registration body,
                               @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey,
                               HttpServletRequest request, HttpServletResponse response) {
        ResponseEntity<?> answer = idempotency.execute("register:" + body.phone(), idempotencyKey, body, () -> {
            CurrentUser user = access.register(body, request.getRemoteAddr());
            sessionLogin.signIn(user, request, response);
            return ResponseEntity.status(HttpStatus.CREATED).body(AccountResponse.of(accounts.get(user.id())));
        });
        if (answer.getHeaders().containsHeader(Idempotency.REPLAYED) && !(request.getUserPrincipal() instanceof Authentication)) {
            // a retry after a lost answer, from a client without the first one's cookie: it sent the same password, so it
            // is signed in as a password sign-in would (same checks and limits), and "registered and signed in" holds
            sessionLogin.signIn(access.signInWithPassword(body.phone(), body.password(), request.getRemoteAddr()), request, response);
        }
        return answer;
    }

    @Operation(summary = "Sign in with phone and password")
    @PostMapping("/login")
    AccountResponse login(@Valid @RequestBody Requests.PasswordLogin body, HttpServletRequest request, HttpServletResponse response) {
        CurrentUser user = access.signInWithPassword(body.phone(), body.password(), request.getRemoteAddr());
        sessionLogin.signIn(user, request, response);
        return AccountResponse.of(accounts.get(user.id()));
    }

    @Operation(summary = "Sign in with phone and a one-time code")
    @PostMapping("/login/code")
    AccountResponse loginWithCode(@Valid @RequestBody Requests.CodeLogin body, HttpServletRequest request, HttpServletResponse response) {
        CurrentUser user = access.signInWithCode(body.phone(), body.code(), request.getRemoteAddr());
        sessionLogin.signIn(user, request, response);
        return AccountResponse.of(accounts.get(user.id()));
    }
}
