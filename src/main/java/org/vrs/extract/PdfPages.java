package org.vrs.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A4 pages of wrapped text with a footer on each, in Liberation Sans (shipped inside PDFBox,
 * with the Vietnamese letters), embedded as a subset so the PDF reads the same everywhere.
 * Characters the font lacks are shown as '?', never dropped silently. Glyph substitution (GSUB)
 * is off: a ligature glyph has no text of its own, so "fi" or "ti" would vanish from the text a
 * reader copies or searches, and PDFBox's Latin GSUB pass costs seconds on a long extract.
 */
final class PdfPages implements AutoCloseable {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 50;
    private static final float FOOTER_SIZE = 7;
    private static final byte[] FONT_BYTES = loadFont();

    private final PDDocument document;
    private final TrueTypeFont trueType;
    private final PDType0Font font;
    private final String footer;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private PDPageContentStream stream;
    private float y;
    private int pages;

    PdfPages(PDDocument document, String footer) {
        this.document = document;
        this.footer = footer;
        try {
            this.trueType = new TTFParser().parse(new RandomAccessReadBuffer(FONT_BYTES));
            trueType.setEnableGsub(false);
            this.font = PDType0Font.load(document, trueType, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the text wrapped to the page width, indented by {@code indent} points. */
    void text(String text, float size, float indent) {
        for (String line : wrap(printable(text), size, width() - indent)) {
            if (stream == null || y - size * 1.3f < MARGIN + 2 * FOOTER_SIZE) {
                newPage();
            }
            y -= size * 1.3f;
            show(line, size, MARGIN + indent, y);
        }
    }

    org.apache.pdfbox.pdmodel.PDDocumentInformation information() {
        return document.getDocumentInformation();
    }

    void gap(float points) {
        y -= points;
    }

    byte[] save() {
        try {
            closeStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        closeStream();
        document.close();
        trueType.close();
    }

    private void newPage() {
        try {
            closeStream();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            pages++;
            stream = new PDPageContentStream(document, page);
            show(printable(footer + " | page " + pages), FOOTER_SIZE, MARGIN, MARGIN);
            y = PDRectangle.A4.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void show(String line, float size, float x, float atY) {
        try {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, atY);
            stream.showText(line);
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeStream() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    private float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    /** Greedy word wrap; a word longer than the line (a hash, a base64 string) is cut where it must be. */
    private List<String> wrap(String text, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, size) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            for (int i = 0; i < word.length(); i++) {
                if (width(line.toString() + word.charAt(i), size) > maxWidth) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(word.charAt(i));
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(cp >= 0x20 && glyphs.computeIfAbsent(cp, this::hasGlyph) ? cp : '?'));
        return out.toString();
    }

    private boolean hasGlyph(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private static byte[] loadFont() {
        try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox no longer ships " + FONT);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
