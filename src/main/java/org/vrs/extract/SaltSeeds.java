package org.vrs.extract;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vrs.casefile.api.ExtractId;
import org.vrs.casefile.api.FileId;
import org.vrs.protection.ViewSealer;

/**
 * Keeps each extract's salt seed sealed under its file's data key (table {@code extract_salt_seed},
 * insert-only for the service), so a later, wider order can be given the salt of a withheld field,
 * and erasing the file makes every seed unreadable with the rest of its content.
 */
class SaltSeeds {

    private final JdbcTemplate jdbc;
    private final ViewSealer sealer;

    SaltSeeds(JdbcTemplate jdbc, ViewSealer sealer) {
        this.jdbc = jdbc;
        this.sealer = sealer;
    }

    void store(FileId file, ExtractId extract, FieldSalts salts) {
        jdbc.update("INSERT INTO extract_salt_seed (extract_id, file_id, sealed_seed) VALUES (?, ?, ?)",
                extract.value(), file.value(), sealer.seal(file.value(), purpose(extract), salts.seed()));
    }

    /** The extract's salts, or empty if the extract is unknown or the file's keys were shredded. */
    Optional<FieldSalts> find(FileId file, ExtractId extract) {
        List<byte[]> sealed = jdbc.query("SELECT sealed_seed FROM extract_salt_seed WHERE extract_id = ? AND file_id = ?",
                (rs, i) -> rs.getBytes(1), extract.value(), file.value());
        return sealed.stream().findFirst()
                .flatMap(bytes -> sealer.open(file.value(), purpose(extract), bytes))
                .map(FieldSalts::fromSeed);
    }

    /** Binds the sealed seed to its extract: a seed moved to another row does not open. */
    private static String purpose(ExtractId extract) {
        return "extract-salt-seed " + extract.value();
    }
}
