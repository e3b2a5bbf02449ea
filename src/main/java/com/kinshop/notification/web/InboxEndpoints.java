package com.kinshop.notification.web;

import com.kinshop.identity.CurrentUser;
import com.kinshop.notification.Inbox;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The member's messages (站内信): a page, and the same as JSON with the text already in the caller's language. */
@Controller
class InboxEndpoints {

    private final Inbox inbox;
    private final MessageSource messages;

    InboxEndpoints(Inbox inbox, MessageSource messages) {
        this.inbox = inbox;
        this.messages = messages;
    }

    /** A message as its reader sees it: the text in their language, with its arguments filled in. */
    record MessageJson(long id, String text, String link, Instant createdAt, boolean read) {
    }

    @GetMapping("/me/messages")
    String page(@AuthenticationPrincipal CurrentUser user, Locale locale, Model model) {
        model.addAttribute("messages", latest(user, locale));
        model.addAttribute("tab", "me");
        inbox.markAllRead(user.id());
        return "notification/messages";
    }

    @GetMapping("/api/me/messages")
    @ResponseBody
    Map<String, Object> list(@AuthenticationPrincipal CurrentUser user, Locale locale) {
        return Map.of("unread", inbox.unread(user.id()), "messages", latest(user, locale));
    }

    /** The page and the API render alike, here: a template's #{key(${args})} would pass the arguments as one array. */
    private List<MessageJson> latest(CurrentUser user, Locale locale) {
        return inbox.latest(user.id(), 100).stream()
                .map(m -> new MessageJson(m.id(), messages.getMessage(m.messageKey(), m.arguments(), locale), m.link(), m.createdAt(), m.read()))
                .toList();
    }

    @PostMapping("/api/me/messages/read")
    @ResponseBody
    Map<String, Object> markRead(@AuthenticationPrincipal CurrentUser user) {
        inbox.markAllRead(user.id());
        return Map.of("unread", 0);
    }
}
