package org.vrs.extract;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** PEM for certificates only: private keys are never written outside a password-protected store. */
final class Pem {

    private Pem() {
    }

    static String encode(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    static byte[] encodeAll(List<X509Certificate> certificates) {
        StringBuilder out = new StringBuilder();
        certificates.forEach(c -> out.append(encode(c)));
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads PEM or DER certificates; throws if there are none or the input is not certificates. */
    static List<X509Certificate> decodeCertificates(byte[] pemOrDer) throws CertificateException {
        List<X509Certificate> out = new ArrayList<>();
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        factory.generateCertificates(new ByteArrayInputStream(pemOrDer)).forEach(c -> out.add((X509Certificate) c));
        if (out.isEmpty()) {
            throw new CertificateException("no certificate found");
        }
        return out;
    }
}
