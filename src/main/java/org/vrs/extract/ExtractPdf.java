package org.vrs.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.vrs.ledger.Checkpoint;
import org.vrs.ledger.LeafData;

/**
 * {@code extract.pdf}: the same content as {@code extract.json}, for a judge to read. It names the
 * SHA-256 of {@code extract.json} on every page and in its document information
 * ({@value #HASH_KEY}), so a reader can tie the rendering to the signed document; the zip remains
 * the evidence. It shows exactly what the JSON discloses: withheld fields appear as their salted hash.
 */
final class ExtractPdf {

    static final String HASH_KEY = "VRS-Extract-SHA256";
    private static final float TITLE = 15;
    private static final float HEADING = 11;
    private static final float BODY = 8.5f;

    private ExtractPdf() {
    }

    static byte[] render(ExtractContent content, String extractSha256) {
        try (PdfPages pdf = new PdfPages(new PDDocument(), "Certified extract " + content.extractId()
                + " | SHA-256 of extract.json: " + extractSha256)) {
            info(pdf, content, extractSha256);
            header(pdf, content, extractSha256);
            for (ScopedEvent event : content.events()) {
                event(pdf, event, content.ledger().leaf(event.eventId()));
            }
            if (content.events().isEmpty()) {
                pdf.text("No event of the file falls within the order's period and categories.", BODY, 0);
            }
            return pdf.save();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void info(PdfPages pdf, ExtractContent content, String extractSha256) {
        PDDocumentInformation info = pdf.information();
        info.setTitle("Certified extract " + content.extractId());
        info.setSubject("Order " + content.order().orderReference());
        info.setProducer("VRS");
        info.setCustomMetadataValue(HASH_KEY, extractSha256);
        Calendar issued = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        issued.setTimeInMillis(content.issuedAt().toEpochMilli());
        info.setCreationDate(issued);
    }

    private static void header(PdfPages pdf, ExtractContent content, String extractSha256) {
        ExtractOrder order = content.order();
        Checkpoint checkpoint = content.ledger().checkpoint().checkpoint();
        pdf.text("Certified extract of victim file " + order.fileId(), TITLE, 0);
        pdf.gap(4);
        pdf.text("This PDF is a rendering for reading. The evidence is the zip bundle it came in: extract.json, its "
                + "signature extract.json.p7s and the signed, time-stamped ledger checkpoint. Verify them as VERIFY.txt "
                + "explains before relying on anything here.", BODY, 0);
        pdf.text("SHA-256 of extract.json: " + extractSha256, BODY, 0);
        pdf.gap(6);
        pdf.text("Order", HEADING, 0);
        pdf.text("Order reference: " + order.orderReference(), BODY, 10);
        pdf.text("Issuing court or procuracy: " + order.issuingCourt(), BODY, 10);
        pdf.text("Requested by: " + content.requester().userId() + " (" + content.requester().role() + ", "
                + content.requester().agency() + ")", BODY, 10);
        pdf.text("Purpose: " + order.purpose(), BODY, 10);
        pdf.text("Data categories: " + order.categories(), BODY, 10);
        if (!order.earlierExtracts().isEmpty()) {
            pdf.text("Earlier extracts held by the court: " + order.earlierExtracts(), BODY, 10);
        }
        pdf.text("Period: " + order.periodFrom() + " to " + order.periodTo() + " (both inclusive, " + content.periodZone() + ")",
                BODY, 10);
        pdf.text("Extract " + content.extractId() + " issued at " + content.issuedAt(), BODY, 10);
        pdf.gap(6);
        pdf.text("Ledger", HEADING, 0);
        pdf.text("Log " + checkpoint.origin() + ", checkpoint of " + checkpoint.head().size() + " leaves, root hash "
                + checkpoint.head().root().hex(), BODY, 10);
        content.ledger().consistency().ifPresent(c -> pdf.text("Consistent with the earlier published checkpoint of "
                + c.earlier().checkpoint().head().size() + " leaves, root hash " + c.earlier().checkpoint().head().root().hex(),
                BODY, 10));
        pdf.text(content.events().size() + " events within the order. Fields of categories outside the order are withheld "
                + "and shown only as a salted hash: " + ExtractJson.SALTED_HASH_RULE + ".", BODY, 10);
        for (var earlier : order.earlierExtracts()) {
            long revealed = content.reveals().stream().filter(r -> r.earlierExtract().equals(earlier)).count();
            pdf.text("Earlier extract " + earlier + ": this extract discloses the salts of " + revealed + " fields it withheld,"
                    + " so that both can be shown to state the same facts (verify-extract --earlier).", BODY, 10);
        }
        pdf.gap(6);
    }

    private static void event(PdfPages pdf, ScopedEvent event, LedgerEvidence.Leaf leaf) {
        LeafData data = leaf.data();
        String type = data.payloadType().substring(data.payloadType().lastIndexOf('.') + 1);
        pdf.gap(4);
        pdf.text("#" + data.sequence() + "  " + type + "  " + data.timestamp() + "  (ledger leaf " + leaf.index() + ")", HEADING, 0);
        pdf.text("event " + data.eventId(), BODY, 10);
        for (ScopedEvent.Field field : event.fields()) {
            String shown = field.withheld() ? "withheld; salted hash " + field.saltedHash() : field.value().toString();
            pdf.text(field.name() + " [" + field.category() + "]: " + shown, BODY, 10);
        }
    }
}
