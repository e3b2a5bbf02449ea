package com.kinshop.identity.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The page to return to after signing in is a path on this site, or nothing: never a way to send someone elsewhere. */
class SameSitePathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/p/12", "/p/12?sku=34", "/me/orders", "/", "/search?q=%E6%A9%99&sort=SALES"})
    void pathsOnThisSiteAreKept(String next) {
        assertThat(SessionLogin.sameSitePath(next)).isEqualTo(next);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "//evil.example/p/1", "/\\evil.example", "\\\\evil.example", "https://evil.example",
            "http:/evil.example", "javascript:alert(1)", "/\t/evil.example", "/\n/evil.example", " /p/1", "p/12", "", "/p/{id}",
            "/p/1#x", "/p/1 ", "/p/1\r\nSet-Cookie:x=1"})
    void anythingElseIsDropped(String next) {
        assertThat(SessionLogin.sameSitePath(next)).isNull();
    }

    @Test
    void nothingAndOverlongAreDropped() {
        assertThat(SessionLogin.sameSitePath(null)).isNull();
        assertThat(SessionLogin.sameSitePath("/" + "a".repeat(400))).isNull();
    }
}
