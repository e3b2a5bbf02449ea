package com.kinshop.shared;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Post-redirect-get for console and member pages: run the action, then show a notice, or the refusal in the page's
 * language (flash attributes {@code notice}, or {@code error} with {@code errorArgs}), on the page redirected to.
 */
public final class Flash {

    @FunctionalInterface
    public interface Action {
        void run() throws IOException;
    }

    private Flash() {
    }

    /**
     * As {@link #outcome(RedirectAttributes, String, String, Action)}; on a refusal the page also gets {@code typed}
     * back (what the form held), so it shows what was typed rather than what is saved.
     */
    public static String outcome(RedirectAttributes redirect, String target, String notice, Map<String, ?> typed, Action action) {
        String answer = outcome(redirect, target, notice, action);
        if (redirect.getFlashAttributes().containsKey("error")) {
            typed.forEach(redirect::addFlashAttribute);
        }
        return answer;
    }

    public static String outcome(RedirectAttributes redirect, String target, String notice, Action action) {
        try {
            action.run();
            if (notice != null) {
                redirect.addFlashAttribute("notice", notice);
            }
        } catch (BusinessException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
            if (e.field() != null) { // the page can mark the field and keep what was typed there
                redirect.addFlashAttribute("errorField", e.field());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
