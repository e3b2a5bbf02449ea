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

    record MessageJson(long id, String text, String link, Instant createdAt, boolean read) {
    }

    @GetMapping("/me/messages")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("messages", inbox.latest(user.id(), 100));
        model.addAttribute("tab", "me");
        inbox.markAllRead(user.id());
        return "notification/messages";
    }

    @GetMapping("/api/me/messages")
    @ResponseBody
    Map<String, Object> list(@AuthenticationPrincipal CurrentUser user, Locale locale) {
        List<MessageJson> latest = inbox.latest(user.id(), 100).stream()
                .map(m -> new MessageJson(m.id(), messages.getMessage(m.messageKey(), m.arguments(), locale), m.link(), m.createdAt(), m.read()))
                .toList();
        return Map.of("unread", inbox.unread(user.id()), "messages", latest);
    }

    @PostMapping("/api/me/messages/read")
    @ResponseBody
    Map<String, Object> markRead(@AuthenticationPrincipal CurrentUser user) {
        inbox.markAllRead(user.id());
        return Map.of("unread", 0);
    }
}
