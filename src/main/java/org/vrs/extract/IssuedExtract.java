package org.vrs.extract;

import org.vrs.casefile.api.ExtractId;

/** A bundle handed to a court, and where its issue is recorded: the {@code ExtractIssued} event's sequence in the file. */
public record IssuedExtract(ExtractId extractId, byte[] zip, String bundleSha256, long sequence) {

    public IssuedExtract {
        zip = zip.clone();
    }

    @Override
    public byte[] zip() {
        return zip.clone();
    }
}
