package com.kinshop.ledger;

import org.springframework.context.MessageSource;

import java.util.List;
import java.util.Locale;

/**
 * What a journal says happened: its kind and the arguments of the message {@code ledger.journal.<KIND>}, rendered in
 * the reader's language when read. Journals posted before issue 9 kept a Chinese text instead ({@code stored}).
 */
public record JournalText(String kind, List<String> args, String stored) {

    public JournalText {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public String in(MessageSource messages, Locale locale) {
        if (stored != null) {
            return stored;
        }
        return messages.getMessage("ledger.journal." + kind, args.toArray(), kind + " " + String.join(" ", args), locale);
    }
}
