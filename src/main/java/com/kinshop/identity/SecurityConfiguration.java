package com.kinshop.identity;

import com.kinshop.shared.Problems;
import com.kinshop.shared.ServedFiles;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Map;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Who may open what, by path convention: {@code /console/admin} and {@code /api/admin} are the operator's,
 * {@code /console/supplier} and {@code /api/supplier} suppliers' staff's, {@code /me}, {@code /supplier} and the rest of
 * {@code /api} need an account; storefront pages are public. Pages redirect to the sign-in page and show the error
 * page (403) in the page's language; only {@code /api/**} answers 401/403 as problem+json.
 * CSRF protects every state-changing request: forms carry the token, API clients send it in {@code X-XSRF-TOKEN}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class SecurityConfiguration {

    /** JSON endpoints anyone may call; every other /api path needs a signed-in account. */
    static final String[] PUBLIC_API = {"/api/auth/**", "/api/catalog/**", "/api/shops/**",
            "/api/group-campaigns/**", "/api/groups/**", "/api/flash-sales", "/api/flash-sales/*",
            "/api/credit/suppliers/*"};

    private static final RequestMatcher API = pathPattern("/api/**");
    private static final RequestMatcher PAYMENT_NOTIFICATIONS = pathPattern("/api/payment/notifications/**");

    /**
     * Paths that never need a session: files (CSS, JS, images, WebJars and uploaded media) and the operator's
     * endpoints (health probes and info, which show no details).
     */
    static final String[] SESSIONLESS = java.util.stream.Stream.concat(ServedFiles.FOLDERS.stream(), java.util.stream.Stream.of("/actuator/"))
            .map(folder -> folder + "**").toArray(String[]::new);

    /**
     * Files and probes are public and read-only, so they skip the work the page chain does per request (CSRF token and
     * its cookie, the security context from the session, the request cache, anonymous authentication, logout matching):
     * under load that work cost a static file most of its throughput. They keep the security headers, and only GET/HEAD
     * are served.
     */
    @Bean
    @Order(1)
    SecurityFilterChain sessionlessPaths(HttpSecurity http) throws Exception {
        http.securityMatcher(SESSIONLESS)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(org.springframework.http.HttpMethod.GET).permitAll()
                        .requestMatchers(org.springframework.http.HttpMethod.HEAD).permitAll()
                        .anyRequest().denyAll())
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(sessions -> sessions.disable()) // its invalid-session check alone would read the session
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, Problems problems, SecurityContextRepository contexts,
                                    RequestCache requestCache, org.springframework.web.servlet.LocaleResolver languages) throws Exception {
        SecurityProblems refusals = new SecurityProblems(problems, languages);
        http.securityContext(context -> context.securityContextRepository(contexts))
                .requestCache(cache -> cache.requestCache(requestCache))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_API).permitAll()
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/bargain-campaigns/**", "/api/bargains/*").permitAll() // a shared bargain link is read before signing in
                        // the coupon centre and the red-packet list, as their pages, before signing in (claiming needs a member)
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/coupons", "/api/red-packets").permitAll()
                        .requestMatchers(PAYMENT_NOTIFICATIONS).permitAll()
                        .requestMatchers("/console/admin/**", "/api/admin/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers("/console/supplier/**", "/api/supplier/**").hasRole(Role.SUPPLIER_STAFF.name())
                        .requestMatchers("/console/**").hasAnyRole(Role.SUPPLIER_STAFF.name(), Role.OPERATOR.name())
                        .requestMatchers("/api/**", "/me/**", "/supplier/**").authenticated()
                        .anyRequest().permitAll())
                // provider callbacks carry their own signature instead of a session
                .csrf(csrf -> csrf.spa().ignoringRequestMatchers(PAYMENT_NOTIFICATIONS))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor((request, response, e) ->
                                refusals.write(request, response, HttpStatus.UNAUTHORIZED, "auth.required"), API)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor((request, response, e) -> refusals.write(request, response, HttpStatus.FORBIDDEN,
                                e instanceof org.springframework.security.web.csrf.CsrfException ? "auth.csrf" : "auth.forbidden"), API)
                        // needed even though it is the default: with a single mapping, Spring Security uses it for every path
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
                .logout(logout -> logout
                        .logoutRequestMatcher(new OrRequestMatcher(pathPattern(org.springframework.http.HttpMethod.POST, "/logout"),
                                pathPattern(org.springframework.http.HttpMethod.POST, "/api/auth/logout")))
                        .logoutSuccessHandler((request, response, authentication) -> {
                            if (API.matches(request)) {
                                response.setStatus(HttpStatus.NO_CONTENT.value());
                            } else {
                                response.sendRedirect("/login?logout");
                            }
                        })
                        .deleteCookies("KINSHOP_SESSION"))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable());
        return http.build();
    }

    /**
     * Spring Security wraps each of its ~15 filters in a Micrometer observation (two timers per filter, per request) and
     * times every authorization decision: most of a small request's CPU. Request timing stays (http.server.requests);
     * sign-ins stay observed.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).shouldObserveAuthorizations(false).build();
    }

    /** Signing out is this filter chain's job, not a controller's: listed here so that /v3/api-docs shows it. */
    @Bean
    OpenApiCustomizer signOutInApiDocs() {
        return api -> api.path("/api/auth/logout", new PathItem().post(new io.swagger.v3.oas.models.Operation()
                .operationId("logout").addTagsItem("Identity").summary("Sign out: ends the session and deletes its cookie")
                .responses(new ApiResponses().addApiResponse("204", new ApiResponse().description("Signed out")))));
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    RequestCache requestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !API.matches(request));
        return cache;
    }

    /** Argon2id, the current recommendation; prefixed with {argon2} so the algorithm can be upgraded later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("argon2", Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }
}
