package org.vrs.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Turns the content of an extract into the zip a court receives: canonical {@code extract.json},
 * its detached CMS signature, the checkpoint with an RFC 3161 time-stamp over it, the certificates
 * and keys to check them, {@code VERIFY.txt} with the proof script, and the PDF rendering.
 */
final class BundleAssembler {

    private static final byte[] PROOF_SCRIPT = resource("verify-proofs.sh");

    private final SigningKey signer;
    private final CmsSigner cms;
    private final TimeStampAuthority tsa;

    BundleAssembler(SigningKey signer, CmsSigner cms, TimeStampAuthority tsa) {
        this.signer = signer;
        this.cms = cms;
        this.tsa = tsa;
    }

    /** The zip's files in order, then the zip itself. */
    record Bundle(Map<String, byte[]> files, byte[] zip) {
    }

    Bundle assemble(ExtractContent content) {
        byte[] extract = ExtractJson.write(content);
        byte[] checkpoint = content.ledger().checkpoint().encoded();
        TimeStampReply stamp = timeStamp(checkpoint);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(BundleFiles.VERIFY_TEXT, VerifyInstructions.text().getBytes(StandardCharsets.UTF_8));
        files.put(BundleFiles.EXTRACT, extract);
        files.put(BundleFiles.SIGNATURE, cms.signDetached(extract));
        files.put(BundleFiles.CHECKPOINT, checkpoint);
        files.put(BundleFiles.TIME_STAMP, stamp.encodedResponse());
        content.ledger().consistency().ifPresent(c -> files.put(BundleFiles.EARLIER_CHECKPOINT, c.earlier().encoded()));
        List<X509Certificate> chain = signer.chain();
        files.put(BundleFiles.CA, Pem.encodeAll(List.of(chain.get(chain.size() - 1))));
        files.put(BundleFiles.SIGNER, Pem.encodeAll(List.of(signer.certificate())));
        files.put(BundleFiles.TSA, Pem.encodeAll(tsaCertificates(stamp)));
        files.put(BundleFiles.LEDGER_KEY, LedgerKeyPem.encode(content.ledger().publicKey()));
        files.put(BundleFiles.PROOF_SCRIPT, PROOF_SCRIPT.clone());
        files.put(BundleFiles.PDF, ExtractPdf.render(content, ExtractJson.sha256Hex(extract)));
        return new Bundle(files, zip(files, LocalDateTime.ofInstant(content.issuedAt(), ZoneOffset.UTC)));
    }

    private TimeStampReply timeStamp(byte[] checkpoint) {
        try {
            return tsa.timeStamp(checkpoint);
        } catch (TimeStampException e) {
            throw new ExtractRefusal.TimeStampUnavailable(e.failure());
        }
    }

    /** The TSA's certificate as the token carries it, so tsa.pem is right for an external TSA too. */
    private static List<X509Certificate> tsaCertificates(TimeStampReply stamp) {
        try {
            ParsedTimeStamp parsed = ExtractArtefacts.parseTimeStampResponse(stamp.encodedResponse());
            return List.of(CertificateChecks.signerCertificate(parsed.token().getSID(), parsed.certificates()));
        } catch (MalformedArtefactException | VerificationException e) {
            throw new IllegalStateException("the time-stamp authority's reply carries no usable certificate: " + e.getMessage(), e);
        }
    }

    /** The files in the given order, DEFLATE, every entry dated {@code time}. */
    static byte[] zip(Map<String, byte[]> files, LocalDateTime time) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTimeLocal(time);
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] resource(String name) {
        try (InputStream in = BundleAssembler.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
