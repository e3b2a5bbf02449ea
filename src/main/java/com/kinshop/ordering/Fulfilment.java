package com.kinshop.ordering;

import com.kinshop.catalog.SupplierId;
import com.kinshop.shared.BusinessException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Drop-ship fulfilment (一件代发): the supplier ships its own paid orders, one at a time or from a CSV export of its
 * warehouse system. Each CSV row is shipped in its own transaction and answered on its own, so one bad row never
 * blocks the rest and a re-upload of the same file ships nothing twice.
 */
@Service
public class Fulfilment {

    public static final int MAX_ROWS = 1000;

    private final OrderLifecycle lifecycle;
    private final MessageSource messages;

    Fulfilment(OrderLifecycle lifecycle, MessageSource messages) {
        this.lifecycle = lifecycle;
        this.messages = messages;
    }

    public record RowResult(long row, String orderNumber, boolean shipped, String message) {
    }

    public void ship(SupplierId supplier, String orderNumber, String carrier, String trackingNumber) {
        lifecycle.ship(supplier, orderNumber, carrier, trackingNumber);
    }

    /**
     * Columns: order number, carrier, tracking number. A first row without any digit in its first cell is a header and
     * skipped; any other row is answered (a mistyped order number is reported, not skipped).
     */
    public List<RowResult> shipFromCsv(SupplierId supplier, byte[] csv, Locale locale) throws IOException {
        List<RowResult> results = new ArrayList<>();
        try (Reader reader = new StringReader(text(csv))) {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get().parse(reader)) {
                String first = record.get(0).replace("\uFEFF", "");
                if (record.getRecordNumber() == 1 && !first.matches(".*\\d.*")) {
                    continue;
                }
                if (results.size() >= MAX_ROWS) {
                    throw BusinessException.invalid("file", "shipment.csv.too-many", MAX_ROWS);
                }
                results.add(shipRow(supplier, record, first, locale));
            }
        }
        if (results.isEmpty()) {
            throw BusinessException.invalid("file", "shipment.csv.empty");
        }
        return results;
    }

    /**
     * The file's text. Spreadsheet programs on Chinese Windows save CSV in GBK, which read as UTF-8 would put a garbled
     * carrier name on the order; a file that is not valid UTF-8 is read as GB18030 (a superset of GBK).
     */
    private static String text(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(content, Charset.forName("GB18030"));
        }
    }

    private RowResult shipRow(SupplierId supplier, CSVRecord record, String orderNumber, Locale locale) {
        if (record.size() < 3) {
            return new RowResult(record.getRecordNumber(), orderNumber, false, messages.getMessage("shipment.csv.columns", null, locale));
        }
        try {
            lifecycle.ship(supplier, orderNumber, record.get(1), record.get(2));
            return new RowResult(record.getRecordNumber(), orderNumber, true, messages.getMessage("shipment.shipped", null, locale));
        } catch (BusinessException refused) {
            return new RowResult(record.getRecordNumber(), orderNumber, false, messages.getMessage(refused.messageKey(), refused.args(), locale));
        }
    }
}
