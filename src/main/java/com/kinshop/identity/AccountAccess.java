package com.kinshop.identity;

import com.kinshop.shared.BusinessException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Getting in: one-time codes, registration, sign-in by password or by code. Failures never say whether a
 * phone has an account, except registration, which must.
 */
@Service
public class AccountAccess {

    private final AccountRepository accounts;
    private final OneTimeCodes codes;
    private final Optional<SmsSender> sms;
    private final SignInThrottle throttle;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final IdentityProperties settings;
    private final Clock clock;
    // compared against when the phone is unknown, so both paths take the time of one hash check
    private final String decoyHash;

    AccountAccess(AccountRepository accounts, OneTimeCodes codes, Optional<SmsSender> sms, SignInThrottle throttle,
                  PasswordEncoder passwords, ApplicationEventPublisher events, IdentityProperties settings, Clock clock) {
        this.accounts = accounts;
        this.codes = codes;
        this.sms = sms;
        this.throttle = throttle;
        this.passwords = passwords;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.decoyHash = passwords.encode("decoy-password-1");
    }

    /**
     * Sends a code. For sign-in, a code is recorded whether or not the phone has an account, but only sent to
     * an account's phone, so the answer is the same either way.
     */
    @Transactional
    public void requestCode(String phone, CodePurpose purpose, String clientAddress) {
        throttle.codeRequest(phone, clientAddress);
        // without a gateway every request fails alike, before anything could tell registered phones apart
        SmsSender sender = sms.orElseThrow(() -> new BusinessException(HttpStatus.SERVICE_UNAVAILABLE, "sms.unavailable", null));
        boolean registered = accounts.existsByPhone(phone);
        if (purpose == CodePurpose.REGISTER && registered) {
            throw BusinessException.conflict("phone", "phone.registered");
        }
        String code = codes.issue(phone, purpose);
        if (purpose == CodePurpose.REGISTER || registered) {
            sender.send(phone, "【亲享】验证码 " + code + "，" + settings.codeTtl().toMinutes() + "分钟内有效，请勿告诉他人。");
        }
    }

    @Transactional
    public CurrentUser register(Registration registration, String clientAddress) {
        throttle.registration(registration.phone(), clientAddress);
        if (accounts.existsByPhone(registration.phone())) {
            throw BusinessException.conflict("phone", "phone.registered");
        }
        codes.consume(registration.phone(), CodePurpose.REGISTER, registration.code());
        Account account = Account.register(registration.phone(), passwords.encode(registration.password()),
                registration.nickname().strip(), Set.of(), clock.instant());
        try {
            account = accounts.save(account);
        } catch (DuplicateKeyException raced) {
            throw BusinessException.conflict("phone", "phone.registered");
        }
        events.publishEvent(new AccountRegistered(new AccountId(account.id()), clock.instant()));
        return account.toCurrentUser();
    }

    @Transactional(readOnly = true)
    public CurrentUser signInWithPassword(String phone, String password, String clientAddress) {
        throttle.loginAttempt(phone, clientAddress);
        Optional<Account> account = accounts.findByPhone(phone);
        boolean matches = passwords.matches(password == null ? "" : password, account.map(Account::passwordHash).orElse(decoyHash));
        if (account.isEmpty() || !matches) {
            throw new BusinessException(HttpStatus.UNAUTHORIZED, "login.failed", "password");
        }
        return account.get().toCurrentUser();
    }

    @Transactional
    public CurrentUser signInWithCode(String phone, String code, String clientAddress) {
        throttle.loginAttempt(phone, clientAddress);
        codes.consume(phone, CodePurpose.LOGIN, code);
        return accounts.findByPhone(phone)
                .map(Account::toCurrentUser)
                .orElseThrow(() -> BusinessException.invalid("code", "code.wrong"));
    }

    /** Creates an account without a code: for demo data and operator tooling, never reachable from a request. */
    @Transactional
    public AccountView createIfAbsent(String phone, String password, String nickname, Set<Role> roles) {
        return createIfAbsent(List.of(new NewAccount(phone, nickname, roles)), password).get(0);
    }

    /** An account {@link #createIfAbsent(List, String)} opens unless its phone is taken. */
    public record NewAccount(String phone, String nickname, Set<Role> roles) {
    }

    /**
     * Creates accounts without a code, all with one password, for demo data and operator tooling (never reachable from
     * a request). The password is hashed once for all of them: Argon2 is slow by design, and hashing it per account made
     * up a tenth of start-up with demo data.
     */
    @Transactional
    public List<AccountView> createIfAbsent(List<NewAccount> wanted, String password) {
        SingletonSupplier<String> hash = SingletonSupplier.of(() -> passwords.encode(password)); // only if one is missing
        return wanted.stream().map(account -> accounts.findByPhone(account.phone())
                .orElseGet(() -> accounts.save(Account.register(account.phone(), hash.obtain(), account.nickname(), account.roles(), clock.instant())))
                .toView()).toList();
    }
}
