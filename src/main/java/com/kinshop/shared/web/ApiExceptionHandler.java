package com.kinshop.shared.web;

import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Problems;
import com.kinshop.shared.Problems.FieldProblem;
import com.kinshop.shared.TooManyRequestsException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestCookieException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Turns every failure of a JSON endpoint into a localized {@code application/problem+json} naming the field. */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private final Problems problems;

    ApiExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(BusinessException.class)
    ResponseEntity<ProblemDetail> business(BusinessException e) {
        HttpHeaders headers = new HttpHeaders();
        if (e instanceof TooManyRequestsException limited) {
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, limited.retryAfter().toSeconds())));
        }
        return ResponseEntity.status(e.status()).headers(headers).body(problems.of(e));
    }

    /** Someone changed the same record at the same moment: nothing was saved, a retry will see the new state. */
    @ExceptionHandler(org.springframework.dao.OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange() {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problems.of(HttpStatus.CONFLICT, "request.concurrent-change", null));
    }

    /**
     * PostgreSQL kept refusing the transaction (deadlock, serialization failure, lock timeout) even after it was retried
     * ({@code ConflictRetries}): nothing was saved; the same request in a moment will go through. The same answer when
     * the database or Redis (counters, rate limits) is unreachable or too slow for a moment.
     */
    @ExceptionHandler({org.springframework.dao.PessimisticLockingFailureException.class,
            org.springframework.dao.DataAccessResourceFailureException.class, org.springframework.dao.QueryTimeoutException.class,
            io.lettuce.core.RedisException.class}) // the last: Bucket4j talks to Lettuce directly, untranslated
    ResponseEntity<ProblemDetail> busy() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problems.of(HttpStatus.SERVICE_UNAVAILABLE, "request.busy", null));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (e.getMostSpecificCause() instanceof UnrecognizedPropertyException unknown) {
            return invalid(List.of(new FieldProblem(unknown.getPropertyName(), problems.message("request.field.unknown"))));
        }
        if (e.getMostSpecificCause() instanceof JacksonException parse && !parse.getPath().isEmpty()) {
            StringBuilder field = new StringBuilder();
            parse.getPath().forEach(ref -> field.append(ref.getPropertyName() != null
                    ? (field.isEmpty() ? "" : ".") + ref.getPropertyName() : "[" + ref.getIndex() + "]"));
            return invalid(List.of(new FieldProblem(field.toString(), bodyFieldMessage(parse))));
        }
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "request.body.malformed", null);
        return ResponseEntity.badRequest().body(problem);
    }

    /** What is wrong with one field of a JSON body: a NUL, a value not among an enum's (listed), a number left out, or its format. */
    private String bodyFieldMessage(JacksonException parse) {
        if (parse instanceof tools.jackson.databind.exc.InvalidFormatException format) {
            if (format.getValue() instanceof String text && NoNulCharacters.carriesNul(text)) {
                return problems.message(NoNulCharacters.MESSAGE);
            }
            if (format.getTargetType() != null && format.getTargetType().isEnum()) {
                return oneOf(format.getTargetType());
            }
        }
        // FAIL_ON_NULL_FOR_PRIMITIVES: a number (an id, a count) that was left out or sent as null
        if (parse instanceof tools.jackson.databind.exc.MismatchedInputException mismatch && mismatch.getTargetType() != null
                && mismatch.getTargetType().isPrimitive() && String.valueOf(mismatch.getOriginalMessage()).contains("null")) {
            return problems.message("request.field.missing");
        }
        return problems.message("request.field.malformed");
    }

    private String oneOf(Class<?> enumType) {
        return problems.message("request.field.one-of", Arrays.stream(enumType.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", ")));
    }

    /** {@code /api/orders/abc}, {@code ?status=nope}: the parameter is named, and an enum's accepted values are listed. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
        Class<?> type = e.getRequiredType();
        String message = type != null && type.isEnum() ? oneOf(type) : problems.message("request.field.malformed");
        return invalid(List.of(new FieldProblem(field, message)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        return invalid(List.of(new FieldProblem(e.getParameterName(), problems.message("request.field.missing"))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e, HttpHeaders headers,
                                                                     HttpStatusCode status, WebRequest request) {
        return invalid(List.of(new FieldProblem(e.getRequestPartName(), problems.message("request.field.missing"))));
    }

    /** A missing header or cookie the endpoint needs. */
    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException e, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        String field = e instanceof MissingRequestHeaderException header ? header.getHeaderName()
                : e instanceof MissingRequestCookieException cookie ? cookie.getCookieName() : null;
        if (field == null || status.value() != 400) {
            return super.handleServletRequestBindingException(e, headers, status, request);
        }
        return invalid(List.of(new FieldProblem(field, problems.message("request.field.missing"))));
    }

    /** Everything else Spring MVC refuses (405, 406, 413, 415, ...): Spring's English text becomes ours, with a stable code. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        HttpStatus resolved = HttpStatus.resolve(status.value());
        if (body == null && e instanceof ErrorResponse response) {
            body = response.getBody(); // several of Spring's handlers pass no body and let it be made here
        }
        if (resolved != null && body instanceof ProblemDetail problem) {
            problem.setTitle(problems.message("http." + resolved.value(), resolved.getReasonPhrase()));
            if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
                problem.setProperty("code", "http." + resolved.value());
                problem.setDetail(problems.message("http." + resolved.value(), resolved.getReasonPhrase()));
            }
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private ResponseEntity<Object> invalid(List<FieldProblem> errors) {
        String detail = errors.isEmpty() ? problems.message("request.invalid")
                : errors.stream().map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(problems.withFieldErrors(HttpStatus.BAD_REQUEST, "request.invalid", detail, errors));
    }
}
