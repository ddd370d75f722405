package org.vrs.extract;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.tsp.TimeStampRequest;
import org.vrs.extract.TimeStampFailure.UnexpectedContentType;
import org.vrs.extract.TimeStampFailure.UnexpectedHttpStatus;
import org.vrs.extract.TimeStampFailure.Unreachable;

/**
 * An external RFC 3161 TSA over HTTP (RFC 3161 section 3.4): POST of a DER request as
 * {@value #QUERY_TYPE}, reply as {@value #REPLY_TYPE}. The reply body is read up to
 * {@link TimeStampExchange#MAX_RESPONSE_BYTES} and no further; redirects are not followed
 * unless the given client does so.
 */
final class HttpTimeStampAuthority implements TimeStampAuthority {

    static final String QUERY_TYPE = "application/timestamp-query";
    static final String REPLY_TYPE = "application/timestamp-reply";

    private final URI endpoint;
    private final HttpClient client;
    private final Duration timeout;
    private final ASN1ObjectIdentifier policy;

    /** @param policyOrNull the TSA policy to request, or null to accept the TSA's default */
    HttpTimeStampAuthority(URI endpoint, HttpClient client, Duration timeout, ASN1ObjectIdentifier policyOrNull) {
        this.endpoint = endpoint;
        this.client = client;
        this.timeout = timeout;
        this.policy = policyOrNull;
    }

    @Override
    public TimeStampReply timeStamp(byte[] data) throws TimeStampException {
        TimeStampRequest request = TimeStampExchange.request(data, policy);
        HttpResponse<InputStream> response = send(request);
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new TimeStampException(new UnexpectedHttpStatus(response.statusCode()));
            }
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (!REPLY_TYPE.equals(mediaType(contentType))) {
                throw new TimeStampException(new UnexpectedContentType(contentType));
            }
            return TimeStampExchange.accept(request, body.readNBytes(TimeStampExchange.MAX_RESPONSE_BYTES + 1));
        } catch (IOException e) {
            throw new TimeStampException(new Unreachable(endpoint.toString(), e.toString()));
        }
    }

    private HttpResponse<InputStream> send(TimeStampRequest request) throws TimeStampException {
        try {
            HttpRequest post = HttpRequest.newBuilder(endpoint)
                    .timeout(timeout)
                    .header("Content-Type", QUERY_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                    .build();
            return client.send(post, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new TimeStampException(new Unreachable(endpoint.toString(), e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeStampException(new Unreachable(endpoint.toString(), "interrupted"));
        }
    }

    private static String mediaType(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }
}
