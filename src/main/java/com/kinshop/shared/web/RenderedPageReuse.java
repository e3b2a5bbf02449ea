package com.kinshop.shared.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Serves an anonymous visitor the page another anonymous visitor was just given, when nothing it was made from can
 * have changed: a shared product link opened by a whole chat group at once is one render, not hundreds.
 * <p>
 * A page is reused only while the database's snapshot ({@code pg_current_snapshot()}: the transactions in progress and
 * the last one to end) is the one taken before it was rendered. Any commit or rollback on any node ends that, so a
 * price, stock figure or review is never shown stale, and a visitor sees their own change at once; one statement
 * decides it instead of the page's reads and rendering. What a page shows from memory or the clock (a countdown,
 * the flash-sale index) is bounded by a short {@code max-age}.
 * <p>
 * Only GETs of the configured paths, without a session (so never a signed-in page), with no query parameters but the
 * allowed ones; the key is the URL, the visitor's language and the cookies the pages read (the last share link's shop
 * changes the 店铺 button); other cookies (a visitor id, analytics) do not split the key. A page that set a cookie other
 * than the form token's, created a session or did not answer 200 HTML is not kept, nor one that names the form token
 * somewhere it was not cut out. When the snapshot cannot be read (the database is busy or down), the page is rendered
 * as if this filter were not there. Valid against a primary only: a hot standby's snapshot does not list the
 * transactions it replays.
 */
final class RenderedPageReuse extends OncePerRequestFilter {

    private static final String FORM_TOKEN_COOKIE = "XSRF-TOKEN";

    private final List<PathPattern> paths;
    private final Set<String> parameters;
    private final Set<String> cookies;
    private final String sessionCookie;
    private final Duration maxAge;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final LocaleResolver languages;
    private final Cache<Key, RenderedPage> pages;
    private final Counter reused;
    private final Counter rendered;

    RenderedPageReuse(List<PathPattern> paths, Set<String> parameters, Set<String> cookies, String sessionCookie, Duration maxAge, long maxBytes,
                      JdbcClient jdbc, Clock clock, LocaleResolver languages, MeterRegistry meters) {
        this.paths = paths;
        this.parameters = parameters;
        this.cookies = cookies;
        this.sessionCookie = sessionCookie;
        this.maxAge = maxAge;
        this.jdbc = jdbc;
        this.clock = clock;
        this.languages = languages;
        this.pages = Caffeine.newBuilder().maximumWeight(maxBytes).weigher((Key key, RenderedPage page) -> key.url().length() + key.cookies().length() + page.weight())
                .expireAfterWrite(maxAge).build();
        this.reused = Counter.builder("kinshop.pages").tag("outcome", "reused").description("anonymous pages served as rendered for another visitor").register(meters);
        this.rendered = Counter.builder("kinshop.pages").tag("outcome", "rendered").description("anonymous pages of reusable paths rendered").register(meters);
    }

    record Key(String url, Locale language, String cookies) {
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null || hasSessionCookie(request)
                || !parameters.containsAll(request.getParameterMap().keySet())) {
            return true;
        }
        var path = ServletRequestPathUtils.hasParsedRequestPath(request) ? ServletRequestPathUtils.getParsedRequestPath(request)
                : ServletRequestPathUtils.parseAndCache(request);
        return paths.stream().noneMatch(pattern -> pattern.matches(path.pathWithinApplication()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        Key key = new Key(request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString()),
                languages.resolveLocale(request), keyCookies(request));
        String snapshot;
        try {
            snapshot = jdbc.sql("select pg_current_snapshot()::text").query(String.class).single();
        } catch (DataAccessException unavailable) {
            chain.doFilter(request, response); // the page's own reads answer as they would have (the busy page, a 503)
            return;
        }
        Instant now = clock.instant();
        RenderedPage page = pages.getIfPresent(key);
        if (page != null && page.current(snapshot, now, maxAge)) {
            if (page.pathPattern() != null) {
                ServerHttpObservationFilter.findObservationContext(request).ifPresent(observed -> observed.setPathPattern(page.pathPattern()));
            }
            page.writeTo(response, page.carriesFormToken() ? formToken(request) : null); // the token first: reading it may set its cookie
            reused.increment();
            return;
        }
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, buffered);
        rendered.increment();
        if (keepable(request, buffered)) {
            String contentType = buffered.getContentType();
            var charset = MediaType.parseMediaType(contentType).getCharset();
            String formToken = formToken(request);
            String html = charset == null ? null : new String(buffered.getContentAsByteArray(), charset);
            if (html != null && !(html.contains("_csrf") && (formToken == null || !html.contains(formToken)))) {
                pages.put(key, RenderedPage.of(snapshot, now, contentType, key.language(),
                        (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE), charset, html, formToken));
            }
        }
        buffered.copyBodyToResponse();
    }

    private boolean keepable(HttpServletRequest request, ContentCachingResponseWrapper response) {
        return response.getStatus() == HttpServletResponse.SC_OK && response.getContentType() != null
                && MediaType.TEXT_HTML.isCompatibleWith(MediaType.parseMediaType(response.getContentType()))
                && request.getSession(false) == null
                && response.getHeaders(HttpHeaders.SET_COOKIE).stream().allMatch(cookie -> cookie.startsWith(FORM_TOKEN_COOKIE + "="));
    }

    private static String formToken(HttpServletRequest request) {
        return request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token ? token.getToken() : null;
    }

    private boolean hasSessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).anyMatch(cookie -> cookie.getName().equals(sessionCookie));
    }

    private String keyCookies(HttpServletRequest request) {
        Cookie[] sent = request.getCookies();
        return sent == null ? "" : Arrays.stream(sent).filter(cookie -> cookies.contains(cookie.getName()))
                .sorted(Comparator.comparing(Cookie::getName)).map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }
}
