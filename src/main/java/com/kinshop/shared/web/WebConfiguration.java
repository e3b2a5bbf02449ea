package com.kinshop.shared.web;

import com.kinshop.shared.MediaStore;
import com.kinshop.shared.ServedFiles;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** Platform wiring: the clock, the two UI languages, and uploaded media. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private final MediaStore media;

    WebConfiguration(MediaStore media) {
        this.media = media;
    }

    /** The one source of "now"; tests replace it to control time. */
    @Bean
    Clock clock(@Value("${kinshop.time-zone}") ZoneId zone) {
        return Clock.system(zone);
    }

    /** Chinese by default; English when chosen (cookie) or asked for by the browser or API client. */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("KINSHOP_LANG");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            String header = request.getHeader("Accept-Language");
            if (header != null && !header.isBlank()) {
                try {
                    Locale best = Locale.lookup(Locale.LanguageRange.parse(header), LANGUAGES);
                    if (best != null) {
                        return best;
                    }
                } catch (IllegalArgumentException malformed) {
                    // "en;q=2" and the like: the default, as for no header
                }
            }
            return Locale.SIMPLIFIED_CHINESE;
        });
        return resolver;
    }

    /**
     * Flash attributes (a notice after a redirect) live in the session, and the DispatcherServlet looked for them on
     * every request: each CSS, JS or image file a signed-in visitor's page loads read the session from the database.
     * Files and the operator's endpoints (health probes) never carry flash attributes.
     */
    @Bean(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
    FlashMapManager flashMapManager() {
        return new SessionFlashMapManager() {
            @Override
            protected List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
                String path = pathOf(request);
                return ServedFiles.contains(path) || path.startsWith("/actuator/") ? null : super.retrieveFlashMaps(request);
            }
        };
    }

    /**
     * Request timing ({@code http.server.requests}) cost a file or a health probe a tenth of its CPU (a long-task timer
     * at the start, tag building and a timer lookup at the end). Nobody reads those timings: files are answered from
     * memory, probes by the app's state; pages and the API stay timed.
     */
    @Bean
    ObservationPredicate noRequestTimingForFilesAndProbes() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request && isFileOrProbe(request.getCarrier()));
    }

    private static boolean isFileOrProbe(HttpServletRequest request) {
        String path = pathOf(request);
        return path.startsWith("/actuator/health") || ServedFiles.contains(path);
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Controllers' mappings are matched path first ({@link PathFirstRequestMappings}); Boot configures them as usual. */
    @Bean
    WebMvcRegistrations pathFirstRequestMappings() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathFirstRequestMappings();
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor languageSwitch = new LocaleChangeInterceptor();
        languageSwitch.setParamName("lang");
        languageSwitch.setIgnoreInvalidLocale(true);
        registry.addInterceptor(languageSwitch);
        // not for files (no handler advice answers there) nor the error page (it would turn a 404 into a 400)
        registry.addInterceptor(new NoNulCharacters.ParameterCheck()).excludePathPatterns("/css/**", "/js/**", "/img/**", "/webjars/**", "/error");
    }

    /**
     * Static resources on explicit paths (Boot's catch-all mapping is off): otherwise every link a page renders
     * would be probed against the classpath. Our CSS/JS/images get content-hashed URLs, so they can be cached for
     * good; WebJar URLs carry no version, the locator finds the one on the classpath. Files shipped in the jar are
     * held in memory once served ({@link FilesHeldInMemory}).
     * <p>
     * These mappings are asked before the controllers' ({@code @RequestMapping}, order 0): a file's URL matches none
     * of those, and finding that out scanned every pattern mapping twice (the lookup, then the "partial match" search
     * for a 405/415) on every file request. No controller maps a path under these folders.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.setOrder(-1);
        CacheControl forever = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
        for (String folder : List.of("css", "js", "img")) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(forever)
                    .resourceChain(true)
                    .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
                    .addTransformer(new FilesHeldInMemory());
        }
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic())
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver())
                .addTransformer(new FilesHeldInMemory());
        registry.addResourceHandler(MediaStore.URL_PREFIX + "**")
                .addResourceLocations(media.root().toUri().toString() + "/")
                .setCacheControl(forever);
    }
}
