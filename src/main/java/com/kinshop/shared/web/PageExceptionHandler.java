package com.kinshop.shared.web;

import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/** A refusal on a page that did not handle it itself shows the error page with the reason, in the page's language. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private final Problems problems;

    PageExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(org.springframework.dao.OptimisticLockingFailureException.class)
    ModelAndView concurrentChange() {
        return new ModelAndView("error", Map.of("status", 409, "reason", problems.message("request.concurrent-change")),
                org.springframework.http.HttpStatus.CONFLICT);
    }

    /** PostgreSQL kept refusing the transaction even after its retries ({@code ConflictRetries}): nothing was saved. Also when
     * the database or Redis is unreachable or too slow for a moment. */
    @ExceptionHandler({org.springframework.dao.PessimisticLockingFailureException.class,
            org.springframework.dao.DataAccessResourceFailureException.class, org.springframework.dao.QueryTimeoutException.class,
            io.lettuce.core.RedisException.class}) // the last: Bucket4j talks to Lettuce directly, untranslated
    ModelAndView busy(jakarta.servlet.http.HttpServletResponse response) {
        response.setHeader(org.springframework.http.HttpHeaders.RETRY_AFTER, "1");
        return new ModelAndView("error", Map.of("status", 503, "reason", problems.message("request.busy")),
                org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE);
    }

    /** A page address whose id is not a number (/p/abc) names nothing: not found, as any unknown page. */
    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    ModelAndView malformed(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e) {
        if (e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            return new ModelAndView("error", Map.of("status", 404), org.springframework.http.HttpStatus.NOT_FOUND);
        }
        return new ModelAndView("error", Map.of("status", 400, "reason", problems.message("request.field.malformed")),
                org.springframework.http.HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(BusinessException.class)
    ModelAndView refused(BusinessException e) {
        return new ModelAndView("error", Map.of("status", e.status().value(), "reason", problems.message(e.messageKey(), e.args())), e.status());
    }
}
