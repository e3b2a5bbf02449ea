package com.kinshop.shared.web;

import com.kinshop.support.KinshopIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asking the path first changes no answer: over every mapping the application registers, and requests built from
 * every mapping's own paths with each method and body type, the path-first match equals Spring's own
 * ({@link RequestMappingInfo#getMatchingCondition}).
 */
@KinshopIT
class PathFirstRequestMappingsIT {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping controllers;

    @Test
    void everyMappingMatchesExactlyAsSpringWouldForRequestsBuiltFromEveryPath() {
        assertThat(controllers).isInstanceOf(PathFirstRequestMappings.class);
        PathFirstRequestMappings pathFirst = (PathFirstRequestMappings) controllers;
        List<RequestMappingInfo> mappings = List.copyOf(controllers.getHandlerMethods().keySet());
        List<String> paths = mappings.stream().flatMap(info -> info.getPatternValues().stream()).map(PathFirstRequestMappingsIT::concrete).distinct().toList();
        assertThat(paths).hasSizeGreaterThan(100).contains("/p/1");

        long compared = 0;
        long matched = 0;
        List<String> differences = new ArrayList<>();
        for (String path : paths) {
            for (String method : List.of("GET", "POST", "PUT", "DELETE", "OPTIONS")) {
                for (String contentType : new String[] {null, "application/json", "application/x-www-form-urlencoded"}) {
                    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
                    if (contentType != null) {
                        request.setContentType(contentType);
                    }
                    request.addHeader("Accept", "text/html,application/json;q=0.9,*/*;q=0.8");
                    ServletRequestPathUtils.parseAndCache(request);
                    for (RequestMappingInfo info : mappings) {
                        RequestMappingInfo expected = info.getMatchingCondition(request);
                        RequestMappingInfo actual = pathFirst.getMatchingMapping(info, request);
                        compared++;
                        matched += expected == null ? 0 : 1;
                        if (!Objects.equals(expected, actual)) {
                            differences.add(method + " " + path + " " + contentType + ": " + info);
                        }
                    }
                }
            }
        }
        assertThat(differences).isEmpty();
        assertThat(matched).as("the requests do hit mappings").isGreaterThan(paths.size());
        assertThat(compared).isGreaterThan(100_000);
    }

    /** A URL the pattern matches: a variable becomes 1, a wildcard a plain segment. */
    private static String concrete(String pattern) {
        String path = pattern.replaceAll("\\{\\*[^}]*}", "a/b").replaceAll("\\{[^}]*}", "1").replace("**", "a").replace("*", "x");
        return path.isEmpty() ? "/" : path;
    }
}
