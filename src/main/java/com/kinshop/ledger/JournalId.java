package com.kinshop.ledger;

import com.fasterxml.jackson.annotation.JsonValue;

/** Typed id of a posted journal. */
public record JournalId(@JsonValue long value) {
}
