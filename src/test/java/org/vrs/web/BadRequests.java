package org.vrs.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.vrs.access.CommandPolicy;
import org.vrs.access.Role;
import org.vrs.casefile.api.FileCommand;
import org.vrs.casefile.api.OpenFile;
import org.vrs.support.Caller;

/**
 * A seeded stream of bad requests against every command endpoint and every query endpoint:
 * defective bodies, malformed JSON, wrong shapes, paths, methods, media types and headers, and
 * well-formed commands sent out of order (wrong state, wrong file, wrong role).
 */
final class BadRequests {
    /** Who acts, with the role the caller stands for (to aim most commands at a role that may send them). */
    record Actor(Caller caller, Role role) {
    }

    static final List<Actor> ACTORS = List.of(new Actor(Caller.RECEPTION, Role.RECEPTION_OFFICER),
            new Actor(Caller.INVESTIGATOR, Role.INVESTIGATOR), new Actor(Caller.CASEWORKER, Role.CASEWORKER),
            new Actor(Caller.SHELTER, Role.SHELTER_STAFF), new Actor(Caller.LEGAL_AID, Role.LEGAL_AID),
            new Actor(Caller.DPO, Role.DATA_PROTECTION_OFFICER));

    /** Files in each state the setup left them in. */
    record Files(List<String> open, List<String> closed, List<String> shredded, List<String> entryIds) {
    }

    /**
     * One request. {@code mustReject}: the service may not answer 2xx; {@code mustName}: a 400 must
     * name this field or parameter.
     */
    record Probe(String kind, Caller caller, String method, String path, Map<String, String> headers, byte[] body,
                 boolean chunked, boolean mustReject, String mustName) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COMMANDS = CommandCatalogue.names();

    private final Random random;
    private final Files files;
    private final BodyMutations mutations;
    private final ValidBodies valid;
    private final BadQueries queries;

    BadRequests(long seed, Files files) {
        this.random = new Random(seed);
        this.files = files;
        this.valid = new ValidBodies(random, files.entryIds());
        this.mutations = new BodyMutations(random, valid);
        this.queries = new BadQueries(random, files);
    }

    List<Probe> generate(int count) {
        List<Probe> probes = new ArrayList<>(count);
        while (probes.size() < count) {
            int dice = random.nextInt(100);
            probes.add(dice < 34 ? mutatedBody() : dice < 50 ? outOfOrder() : dice < 62 ? MalformedJson.probe(random, this)
                    : dice < 70 ? badPath() : dice < 74 ? badMethod() : dice < 80 ? badMediaType() : dice < 83 ? badReason()
                    : dice < 86 ? oversized() : queries.probe());
        }
        return probes;
    }

    /** A command name and its record type; "open" stands for {@code POST /api/v1/files}. */
    record Target(String name, Class<? extends FileCommand> type, String path) {
    }

    Target target() {
        int i = random.nextInt(COMMANDS.size() + 2);
        if (i >= COMMANDS.size()) {
            return new Target("open", OpenFile.class, "/api/v1/files");
        }
        String name = COMMANDS.get(i);
        return new Target(name, CommandCatalogue.byName(name).orElseThrow(), "/api/v1/files/" + file() + "/" + name);
    }

    /** Mostly an open file, sometimes a closed, erased or unknown one. */
    String file() {
        int dice = random.nextInt(10);
        List<String> from = dice < 6 ? files.open() : dice < 7 ? files.closed() : dice < 8 ? files.shredded() : List.of();
        return from.isEmpty() ? UUID.randomUUID().toString() : from.get(random.nextInt(from.size()));
    }

    /** Usually an actor whose role may send the command, so the request reaches validation and the file's rules. */
    Caller caller(Class<?> command) {
        List<Actor> allowed = ACTORS.stream().filter(a -> CommandPolicy.allows(a.role(), command)).toList();
        List<Actor> from = allowed.isEmpty() || random.nextInt(10) < 2 ? ACTORS : allowed;
        return from.get(random.nextInt(from.size())).caller();
    }

    JsonNode validBody(Target t) {
        ObjectNode body = valid.body(asRecord(t.type()));
        if (t.type() == OpenFile.class) {
            body.put("receivingAgency", random.nextInt(4) == 0 ? ValidBodies.AGENCIES.get(random.nextInt(ValidBodies.AGENCIES.size()))
                    : "LC-COMMUNE-BATXAT");
        }
        return body;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> json() {
        return Map.of("Content-Type", "application/json");
    }

    private Probe mutatedBody() {
        Target t = target();
        List<String> serverFilled = CommandCatalogue.createdIdField(t.type()).map(List::of).orElse(List.of());
        BodyMutations.Mutated m = mutations.mutate(asRecord(t.type()), serverFilled);
        return new Probe(m.kind(), caller(t.type()), "POST", t.path(), json(), bytes(m.body()), false, m.mustReject(), m.mustName());
    }

    private Probe outOfOrder() {
        Target t = target();
        return new Probe("out-of-order", caller(t.type()), "POST", t.path(), json(), bytes(validBody(t)), false, false, null);
    }

    private Probe badPath() {
        String file = file();
        String encodedPersonal = URLEncoder.encode(ValidBodies.PERSONAL.get(random.nextInt(ValidBodies.PERSONAL.size())),
                StandardCharsets.UTF_8);
        String[] paths = {
                "/api/v1/files/" + file + "/" + encodedPersonal,
                "/api/v1/files/" + file + "/RecordIdentity",
                "/api/v1/files/" + file + "/record_identity",
                "/api/v1/files/" + file + "/open-file",
                "/api/v1/files/" + file + "/" + "a".repeat(300),
                "/api/v1/files/" + file + "/add-case-note/extra",
                "/api/v1/files/" + encodedPersonal + "/add-case-note",
                "/api/v1/files/not-a-uuid/add-case-note",
                "/api/v1/files/" + file.substring(1) + "/add-case-note",
                "/api/v1/files/" + file + "0/add-case-note",
                "/api/v1/files/00000000-0000-0000-0000-000000000000/add-case-note",
                "/api/v1/files/" + file + "%2Fadd-case-note",
                "/api/v1/files//add-case-note",
                "/api/v1/files/" + file + ";jsessionid=1/add-case-note",
                "/api/v1/files/" + file + "/./add-case-note",
                "/api/v1/files/" + file + "/%5Cadd-case-note",
                "/api/v1/files/" + file + "/add-case-note%00",
                "/api/v1/files/" + file + "/%2e%2e/add-case-note",
                "/api/v2/files/" + file + "/add-case-note",
        };
        String body = "{\"category\":\"CASE_ADMIN\",\"text\":\"" + ValidBodies.PERSONAL.get(0) + "\"}";
        return new Probe("bad-path", caller(org.vrs.casefile.api.AddCaseNote.class), "POST", paths[random.nextInt(paths.length)],
                json(), body.getBytes(StandardCharsets.UTF_8), false, true, null);
    }

    private Probe badMethod() {
        String[] methods = {"GET", "PUT", "DELETE", "PATCH"};
        if (random.nextBoolean()) {
            Target t = target();
            String method = methods[random.nextInt(methods.length)];
            if (t.type() == OpenFile.class && method.equals("GET")) {
                method = "PUT"; // GET /api/v1/files is the search
            }
            return new Probe("bad-method", caller(t.type()), method, t.path(), json(), bytes(validBody(t)), false, true, null);
        }
        String file = file();
        String[] paths = {"/api/v1/files/" + file, "/api/v1/files/" + file + "/history", "/api/v1/deadlines", "/api/v1/statistics?by=year"};
        String[] writes = {"POST", "PUT", "DELETE", "PATCH"};
        return new Probe("bad-method", ACTORS.get(random.nextInt(ACTORS.size())).caller(), writes[random.nextInt(writes.length)],
                paths[random.nextInt(paths.length)], json(), "{}".getBytes(StandardCharsets.UTF_8), false, true, null);
    }

    private Probe badMediaType() {
        Target t = target();
        byte[] body = bytes(validBody(t));
        String[][] variants = {
                {"Content-Type", "text/plain", "reject"}, {"Content-Type", "application/xml", "reject"},
                {"Content-Type", "application/x-www-form-urlencoded", "reject"}, {"Content-Type", "multipart/form-data; boundary=x", "reject"},
                {"Content-Type", "garbage", "reject"}, {"Content-Type", "application/json; charset=klingon", "reject"},
                {"Content-Type", "application/json; charset=ISO-8859-1", ""}, {"Content-Type", "application/merge-patch+json", ""},
                {"Accept", "application/xml", ""}, {"Accept", "text/plain", ""}, {"Accept", "image/png", ""},
        };
        String[] v = variants[random.nextInt(variants.length)];
        Map<String, String> headers = v[0].equals("Accept") ? Map.of("Content-Type", "application/json", "Accept", v[1]) : Map.of(v[0], v[1]);
        if (random.nextInt(12) == 0) {
            headers = Map.of();
        }
        boolean reject = headers.isEmpty() || v[2].equals("reject");
        return new Probe("bad-media-type", caller(t.type()), "POST", t.path(), headers, body, false, reject, null);
    }

    private Probe badReason() {
        Target t = target();
        String[] reasons = {"Sung Thi Fuzzmai", "UPPER-CASE", "a".repeat(65), "-starts-with-dash", "x y", "ok;drop"};
        return new Probe("bad-reason", caller(t.type()), "POST", t.path(),
                Map.of("Content-Type", "application/json", "X-VRS-Reason", reasons[random.nextInt(reasons.length)]),
                bytes(validBody(t)), false, true, null);
    }

    private Probe oversized() {
        Target t = target();
        ObjectNode body = (ObjectNode) validBody(t);
        int dice = random.nextInt(3);
        int size = dice == 0 ? 70_000 : 65_536 - bytes(body).length - 12;
        body.put("padding", "Fuzzsecret ".repeat(size / 11 + 1).substring(0, Math.max(0, size)));
        return new Probe(dice == 2 ? "chunked" : "oversized", caller(t.type()), "POST", t.path(), json(), bytes(body), dice == 2, true, null);
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Record> asRecord(Class<?> type) {
        return (Class<? extends Record>) type;
    }

    Random random() {
        return random;
    }
}
