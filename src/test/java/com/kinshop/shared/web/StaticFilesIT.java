package com.kinshop.shared.web;

import com.kinshop.support.KinshopIT;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files are served from memory and looked up before the controllers, and neither they nor health probes are timed
 * (see {@link WebConfiguration}): what a browser gets stays the same, bytes, type, cache headers and conditional GETs
 * included, and no controller could answer a file's URL instead.
 */
@KinshopIT
class StaticFilesIT {

    @LocalServerPort
    int port;
    @Autowired
    ResourceUrlProvider resourceUrls;
    @Autowired
    MeterRegistry meters;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping controllers;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aFileAnswersWithItsBytesTypeAndCacheHeadersAndHonoursIfModifiedSince() throws Exception {
        byte[] stylesheet = new ClassPathResource("static/css/kinshop.css").getContentAsByteArray();
        for (int round = 0; round < 2; round++) { // the first answer reads the jar, the second comes from memory
            HttpResponse<byte[]> css = get("/css/kinshop.css", null, null);
            assertThat(css.statusCode()).isEqualTo(200);
            assertThat(css.body()).isEqualTo(stylesheet);
            assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
            assertThat(css.headers().firstValue("Content-Length")).hasValue(String.valueOf(stylesheet.length));
            assertThat(css.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
            String lastModified = css.headers().firstValue("Last-Modified").orElseThrow();

            HttpResponse<byte[]> unchanged = get("/css/kinshop.css", "If-Modified-Since", lastModified);
            assertThat(unchanged.statusCode()).isEqualTo(304);
            assertThat(unchanged.body()).isEmpty();
            assertThat(get("/css/kinshop.css", "If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aContentHashedUrlAnswersWithItsVersionAsWeakETagAndHonoursIfModifiedSince() throws Exception {
        String versioned = resourceUrls.getForLookupPath("/css/kinshop.css");
        assertThat(versioned).matches("/css/kinshop-[0-9a-f]{32}\\.css");
        for (int round = 0; round < 2; round++) {
            HttpResponse<byte[]> css = get(versioned, null, null);
            assertThat(css.statusCode()).isEqualTo(200);
            assertThat(css.body()).isEqualTo(new ClassPathResource("static/css/kinshop.css").getContentAsByteArray());
            String etag = css.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).isEqualTo("W/\"" + versioned.substring("/css/kinshop-".length(), versioned.length() - ".css".length()) + "\"");
            assertThat(get(versioned, "If-Modified-Since", css.headers().firstValue("Last-Modified").orElseThrow()).statusCode()).isEqualTo(304);
        }
        assertThat(get("/css/kinshop-00000000000000000000000000000000.css", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void webJarsAndMissingFilesAnswerAsBefore() throws Exception {
        HttpResponse<byte[]> htmx = get("/webjars/htmx.org/dist/htmx.min.js", null, null);
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(new String(htmx.body())).contains("htmx");
        assertThat(get("/css/no-such-file.css", null, null).statusCode()).isEqualTo(404);
    }

    /** Files and health probes are not timed; pages are (the timer of a page's URI pattern counts each view). */
    @Test
    void filesAndProbesAreNotTimedPagesAre() throws Exception {
        long pageViews = timedRequests("/p/{id}");
        assertThat(get("/css/kinshop.css", null, null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness", null, null).statusCode()).isEqualTo(200);
        assertThat(get("/p/1", null, null).statusCode()).isEqualTo(200);
        awaitTimedRequests("/p/{id}", pageViews + 1); // the timer stops after the response is sent
        assertThat(meters.find("http.server.requests").timers()).noneMatch(timer ->
                timer.getId().getTag("uri").startsWith("/css") || timer.getId().getTag("uri").startsWith("/actuator"));
    }

    /** Only reading is served on these paths, as before: other methods are refused. */
    @Test
    void filesAndProbesServeOnlyGetAndHead() throws Exception {
        for (String path : List.of("/css/kinshop.css", "/actuator/health/liveness")) {
            HttpResponse<Void> post = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(post.statusCode()).as(path).isEqualTo(403);
            HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(head.statusCode()).as(path).isEqualTo(200);
        }
    }

    private void awaitTimedRequests(String uri, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (timedRequests(uri) < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(timedRequests(uri)).isEqualTo(expected);
    }

    private long timedRequests(String uri) {
        return meters.find("http.server.requests").tag("uri", uri).timers().stream().mapToLong(Timer::count).sum();
    }

    /** The file mappings are asked first: that is only sound while no controller maps a path inside their folders. */
    @Test
    void noControllerMapsAPathUnderTheFileFolders() {
        List<PathContainer> files = List.of("/css/kinshop.css", "/js/kinshop.js", "/img/logo.svg",
                "/webjars/htmx.org/dist/htmx.min.js", "/media/avatars/1.png").stream().map(PathContainer::parsePath).toList();
        assertThat(controllers.getHandlerMethods().keySet()).hasSizeGreaterThan(100).allSatisfy(mapping ->
                assertThat(mapping.getPathPatternsCondition().getPatterns()).noneMatch(pattern -> files.stream().anyMatch(pattern::matches)));
    }

    private HttpResponse<byte[]> get(String path, String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (header != null) {
            request.header(header, value);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
