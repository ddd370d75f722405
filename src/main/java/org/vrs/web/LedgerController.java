package org.vrs.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vrs.ledger.LeafIndex;
import org.vrs.ledger.LedgerQueries;
import org.vrs.ledger.ProofException;
import org.vrs.ledger.Sha256;
import org.vrs.ledger.TreeSize;
import org.vrs.ledger.TreeSizeUnavailableException;

/**
 * The ledger for verifiers: the latest signed checkpoint and RFC 9162 proofs, hashes in standard
 * base64 like the checkpoint's root. Refusals are mapped in {@link ErrorMapping}.
 */
@RestController
@RequestMapping("/api/v1/ledger")
class LedgerController {

    private final LedgerQueries ledger;

    LedgerController(LedgerQueries ledger) {
        this.ledger = ledger;
    }

    record InclusionProofBody(long leafIndex, long treeSize, String leafHash, List<String> proof) {
    }

    record ConsistencyProofBody(long from, long to, List<String> proof) {
    }

    @GetMapping(value = "/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8")
    String checkpoint() {
        return ledger.latestCheckpoint().orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no-checkpoint",
                "no checkpoint has been signed yet: the log is empty"));
    }

    @GetMapping("/proofs/inclusion")
    InclusionProofBody inclusion(@RequestParam(required = false) String index, @RequestParam(required = false) String size)
            throws ProofException, TreeSizeUnavailableException {
        LedgerQueries.InclusionProof proof = ledger.inclusionProof(new LeafIndex(number("index", index)),
                new TreeSize(number("size", size)));
        return new InclusionProofBody(proof.index().value(), proof.size().value(), proof.leafHash().base64(),
                base64(proof.hashes()));
    }

    @GetMapping("/proofs/consistency")
    ConsistencyProofBody consistency(@RequestParam(required = false) String from, @RequestParam(required = false) String to)
            throws ProofException, TreeSizeUnavailableException {
        LedgerQueries.ConsistencyProof proof = ledger.consistencyProof(new TreeSize(number("from", from)),
                new TreeSize(number("to", to)));
        return new ConsistencyProofBody(proof.from().value(), proof.to().value(), base64(proof.hashes()));
    }

    private static long number(String name, String value) {
        if (value == null || !value.matches("0|[1-9][0-9]{0,17}")) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter", "query parameter '" + name
                    + "' is required and must be a whole number from 0 to 999999999999999999");
        }
        return Long.parseLong(value);
    }

    private static List<String> base64(List<Sha256> hashes) {
        return hashes.stream().map(Sha256::base64).toList();
    }
}
