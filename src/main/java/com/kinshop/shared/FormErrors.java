package com.kinshop.shared;

import org.springframework.validation.BindingResult;

/** Shows a refusal on the form field it is about (or above the form), in the page's language. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void reject(BindingResult form, BusinessException e) {
        if (e.field() != null && form.getTarget() != null && hasField(form, e.field())) {
            form.rejectValue(e.field(), e.messageKey(), e.args(), e.messageKey());
        } else {
            form.reject(e.messageKey(), e.args(), e.messageKey());
        }
    }

    private static boolean hasField(BindingResult form, String field) {
        try {
            return form.getFieldType(field) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
