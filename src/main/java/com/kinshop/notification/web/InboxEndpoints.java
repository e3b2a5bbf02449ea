package com.kinshop.notification.web;

import com.kinshop.identity.CurrentUser;
import com.kinshop.notification.Inbox;
import io.swagger.v3.oas.annotations.media.Schema;
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
    @Schema(name = "InboxMessage", description = "A message (站内信) as its reader sees it")
    record MessageJson(long id, @Schema(description = "The text in the caller's language, its arguments filled in") String text,
                       @Schema(description = "Where the message leads: a page of this site, e.g. /me/earnings") String link,
                       Instant createdAt, boolean read) {
    }

    @Schema(name = "Inbox", description = "The caller's latest messages")
    record InboxJson(@Schema(description = "How many of the caller's messages are not read yet") int unread,
                     @Schema(description = "The latest 100 at most, newest first") List<MessageJson> messages) {
    }

    @Schema(description = "How many of the caller's messages are not read yet")
    record UnreadCount(int unread) {
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
    InboxJson list(@AuthenticationPrincipal CurrentUser user, Locale locale) {
        return new InboxJson(inbox.unread(user.id()), latest(user, locale));
    }

    /** The page and the API render alike, here: a template's #{key(${args})} would pass the arguments as one array. */
    private List<MessageJson> latest(CurrentUser user, Locale locale) {
        return inbox.latest(user.id(), 100).stream()
                .map(m -> new MessageJson(m.id(), messages.getMessage(m.messageKey(), m.arguments(), locale), m.link(), m.createdAt(), m.read()))
                .toList();
    }

    @PostMapping("/api/me/messages/read")
    @ResponseBody
    UnreadCount markRead(@AuthenticationPrincipal CurrentUser user) {
        inbox.markAllRead(user.id());
        return new UnreadCount(0);
    }
}
