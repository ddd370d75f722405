package org.vrs.extract;

import static org.vrs.extract.BundleCheck.EARLIER_EXTRACTS;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.vrs.extract.BundleFailure.EarlierExtract;

/**
 * Compares an extract with earlier extracts of the same file that the court holds. Each earlier
 * bundle must verify on its own against the same anchor; then, for every salt this extract reveals
 * for a field the earlier one withheld, {@code SHA-256(salt || JCS(value disclosed here))} must be
 * the earlier extract's salted hash. Equal means the earlier extract withheld exactly this fact.
 */
final class EarlierExtractChecks {

    private final ParsedExtract extract;
    private final BiFunction<Path, List<Path>, VerificationReport> verifier;

    /** @param verifier verifies one earlier bundle against the same anchor as this one */
    EarlierExtractChecks(ParsedExtract extract, BiFunction<Path, List<Path>, VerificationReport> verifier) {
        this.extract = extract;
        this.verifier = verifier;
    }

    /** Nothing when no earlier bundle was given and the extract reveals no salt: the check does not apply. */
    Optional<CheckResult> check(List<Path> earlier) {
        if (earlier.isEmpty()) {
            if (extract.reveals().isEmpty()) {
                return Optional.empty();
            }
            List<String> named = extract.reveals().stream().map(r -> r.earlierExtract().value()).distinct().toList();
            return Optional.of(CheckResult.skipped(EARLIER_EXTRACTS, "the extract reveals " + extract.reveals().size()
                    + " salts of fields withheld by extract(s) " + String.join(", ", named)
                    + ": give those bundles with --earlier to check that they withheld the facts disclosed here"));
        }
        List<String> compared = new ArrayList<>();
        for (Path bundle : earlier) {
            try {
                compared.add(compare(bundle));
            } catch (Mismatch e) {
                return Optional.of(CheckResult.fail(EARLIER_EXTRACTS, new EarlierExtract(String.valueOf(bundle.getFileName()), e.getMessage())));
            }
        }
        return Optional.of(CheckResult.pass(EARLIER_EXTRACTS, String.join("; ", compared)));
    }

    private String compare(Path bundle) throws Mismatch {
        VerificationReport report = verifier.apply(bundle, List.of());
        if (!report.verified()) {
            String first = report.results().stream().filter(r -> r.status() == CheckResult.Status.FAIL).findFirst()
                    .map(CheckResult::line).orElse("");
            throw new Mismatch("does not verify on its own: " + first);
        }
        ParsedExtract earlier;
        try {
            earlier = ExtractDocumentParser.parse(BundleReader.read(bundle).get(BundleFiles.EXTRACT));
        } catch (MalformedBundleException e) {
            throw new Mismatch(ExtractVerifier.malformed(e).message());
        }
        if (!earlier.fileId().equals(extract.fileId())) {
            throw new Mismatch("is an extract of file " + earlier.fileId() + ", not of file " + extract.fileId());
        }
        int same = 0;
        int notWithheld = 0;
        for (RevealedSalt reveal : extract.reveals()) {
            if (!reveal.earlierExtract().value().equals(earlier.extractId())) {
                continue;
            }
            Optional<String> hash = earlier.saltedHash(reveal.eventId(), reveal.field());
            if (hash.isEmpty()) {
                notWithheld++;
                continue;
            }
            JsonNode value = extract.disclosed(reveal.eventId(), reveal.field()).orElseThrow(() -> new Mismatch(
                    "a salt is revealed for field " + reveal.field() + " of event " + reveal.eventId() + ", which this extract does not disclose"));
            if (!FieldSalts.saltedHash(reveal.salt(), CanonicalJson.canonicalize(value)).equals(hash.get())) {
                throw new Mismatch("field " + reveal.field() + " of event " + reveal.eventId()
                        + ": the value disclosed here does not hash to the salted hash it withheld, so the two extracts state different facts");
            }
            same++;
        }
        return bundle.getFileName() + " (extract " + earlier.extractId() + ", verified): " + same
                + " withheld field" + (same == 1 ? "" : "s") + " hold the values disclosed here"
                + (notWithheld == 0 ? "" : "; " + notWithheld + " revealed salts are for fields it did not withhold");
    }

    /** Why an earlier bundle does not confirm this one. */
    private static final class Mismatch extends Exception {
        Mismatch(String message) {
            super(message, null, false, false);
        }
    }
}
