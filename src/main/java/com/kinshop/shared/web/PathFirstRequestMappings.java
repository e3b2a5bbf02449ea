package com.kinshop.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A URL with a path variable ({@code /p/1}, {@code /api/orders/K…/pay}) has no direct-path entry, so Spring MVC tries
 * every one of the ~330 mappings, and each try checked the HTTP method first: two {@code getMethod()} calls through
 * the five request wrappers of the filter chain (the top self-time frame under order load), before the path ruled
 * almost every mapping out. This asks the path first. A mapping matches only if all its conditions do, so the result
 * (methods, params, headers, consumes, produces, and the 405/415 answers for partial matches) is the same.
 */
final class PathFirstRequestMappings extends RequestMappingHandlerMapping {

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        PathPatternsRequestCondition paths = info.getPathPatternsCondition();
        if (paths != null && paths.getMatchingCondition(request) == null) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }
}
