package org.vrs.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Reads with bad and boundary parameters: purposes, points in time, pages, search criteria, statistics, administration. */
final class BadQueries {
    private static final String[] PURPOSES = {"case-review", "case-review", "x", "Sung Thi Fuzzmai", "UPPER", "a".repeat(65), ""};
    private static final String[] SEQUENCES = {"-1", "0", "1", "5", "9223372036854775807", "9223372036854775808", "abc", "1.5", ""};
    private static final String[] INSTANTS = {"garbage", "2026-01-01", "2026-11-22T10:00:00Z", "+999999999-12-31T23:59:59Z",
            "2026-11-22T10:00:00+07:00", "-999999999-01-01T00:00:00Z"};
    private static final String[] INTS = {"-1", "0", "1", "100", "1000", "1001", "2147483647", "2147483648", "abc", "1e3"};
    private static final String[] DATES = {"2026-11-01", "2026-02-30", "garbage", "9999-12-31"};

    private final Random random;
    private final BadRequests.Files files;

    BadQueries(Random random, BadRequests.Files files) {
        this.random = random;
        this.files = files;
    }

    BadRequests.Probe probe() {
        String file = random.nextInt(5) == 0 ? java.util.UUID.randomUUID().toString()
                : pick(files.open().isEmpty() ? List.of(java.util.UUID.randomUUID().toString()) : files.open());
        org.vrs.support.Caller caller = BadRequests.ACTORS.get(random.nextInt(BadRequests.ACTORS.size())).caller();
        Map<String, String> headers = new HashMap<>();
        String purpose = PURPOSES[random.nextInt(PURPOSES.length)];
        boolean badPurpose = !purpose.equals("case-review");
        if (!purpose.isEmpty()) {
            headers.put("X-VRS-Purpose", purpose);
        }
        if (random.nextInt(8) == 0) {
            headers.put("X-VRS-Break-Glass", "Fuzzsecret emergency for Sung Thi Fuzzmai");
        }
        switch (random.nextInt(12)) {
            case 0, 1 -> {
                String q = random.nextBoolean() ? "?asOfSequence=" + enc(SEQUENCES[random.nextInt(SEQUENCES.length)])
                        : random.nextBoolean() ? "?asOf=" + enc(INSTANTS[random.nextInt(INSTANTS.length)]) : "";
                boolean badNumber = q.contains("abc") || q.contains("1.5") || q.contains("9223372036854775808");
                return probe("read-file", caller, "/api/v1/files/" + file + q, headers, badPurpose || badNumber,
                        badNumber ? "asOfSequence" : null);
            }
            case 2 -> {
                return probe("read-support", caller, "/api/v1/files/" + file + "/support", headers, badPurpose, null);
            }
            case 3 -> {
                String page = INTS[random.nextInt(INTS.length)];
                String size = INTS[random.nextInt(INTS.length)];
                boolean badSize = !size.matches("1|100|1000");
                boolean badPage = page.startsWith("-") || !page.matches("-?[0-9]+") || page.equals("2147483648");
                return probe("read-history", caller, "/api/v1/files/" + file + "/history?page=" + page + "&size=" + size, headers,
                        badPurpose || badSize || badPage, badPage == badSize ? null : badPage ? "page" : "size");
            }
            case 4 -> {
                StringBuilder q = new StringBuilder("?");
                String[] names = {"fileNumber", "status", "province", "agency", "regime", "riskLevel", "name"};
                for (int i = random.nextInt(3); i > 0; i--) {
                    q.append(names[random.nextInt(names.length)]).append('=').append(enc(pick(List.of("LC", "OPEN", "Sung Thi Fuzzmai", "HIGH"))))
                            .append('&');
                }
                q.append("receivedFrom=").append(enc(DATES[random.nextInt(DATES.length)]));
                q.append("&closed=").append(pick(List.of("true", "false", "maybe")));
                q.append("&page=").append(INTS[random.nextInt(INTS.length)]).append("&size=").append(INTS[random.nextInt(INTS.length)]);
                return probe("search", caller, "/api/v1/files" + q, headers, false, null);
            }
            case 5 -> {
                return probe("deadlines", caller, "/api/v1/deadlines?overdue=" + pick(List.of("true", "false", "maybe", "")), headers, false, null);
            }
            case 6 -> {
                String by = pick(List.of("", "?by=year", "?by=province", "?by=garbage", "?by=" + enc("Sung Thi Fuzzmai")));
                return probe("statistics", caller, "/api/v1/statistics" + by, headers, true, by.isEmpty() ? "by" : null);
            }
            case 8 -> {
                String from = SEQUENCES[random.nextInt(SEQUENCES.length)];
                String to = SEQUENCES[random.nextInt(SEQUENCES.length)];
                String q = random.nextBoolean() ? "?fromSequence=" + enc(from) + "&toSequence=" + enc(to)
                        : "?from=" + enc(INSTANTS[random.nextInt(INSTANTS.length)]) + "&to=" + enc(INSTANTS[random.nextInt(INSTANTS.length)]);
                return probe("read-changes", caller, "/api/v1/files/" + file + "/changes" + q, headers, false, null);
            }
            case 9 -> {
                String q = "?from=" + enc(INSTANTS[random.nextInt(INSTANTS.length)]) + "&to=" + enc(INSTANTS[random.nextInt(INSTANTS.length)])
                        + (random.nextBoolean() ? "&province=" + enc(pick(List.of("LC", "XX", "Sung Thi Fuzzmai"))) : "");
                return probe("traceability", caller, "/api/v1/audit/traceability" + q, headers, true, null);
            }
            case 10 -> {
                // every import here is malformed or refused: none may store anything
                String open = "{\"command\":\"open-file\",\"body\":{\"channel\":\"RESCUE\",\"receivingAgency\":\"" + caller.agency()
                        + "\",\"receivedOn\":\"" + pick(List.of(DATES)) + "\"}}";
                String body = pick(List.of(
                        "{\"source\":\"fuzz\",\"files\":[{\"reference\":\"Sung Thi Fuzzmai\",\"commands\":[" + open + "]}]}",
                        "{\"source\":\"fuzz\",\"files\":[{\"reference\":\"R1\",\"commands\":[" + open + "," + open + "]}]}",
                        "{\"source\":\"fuzz\",\"files\":[{\"reference\":\"R1\",\"commands\":[{\"command\":\"add-case-note\",\"body\":{}}]}]}",
                        "{\"source\":\"fuzz\",\"files\":[{\"reference\":\"R1\",\"commands\":[" + open
                                + ",{\"command\":\"grant-support\",\"body\":{\"supportId\":\"" + java.util.UUID.randomUUID()
                                + "\",\"amountVnd\":5,\"provider\":\"LC-HEALTH\",\"decidedOn\":\"2026-11-01\"}}]}]}",
                        "{\"source\":\"fuzz\",\"files\":[{\"reference\":\"R1\",\"commands\":[" + open
                                + ",{\"command\":\"add-case-note\",\"body\":{\"category\":\"GOSSIP\",\"text\":\"Fuzzsecret\"}}]}]}",
                        "{\"source\":\"Sung Thi Fuzzmai\",\"files\":[]}", "{\"files\":", "[]", "{\"source\":\"fuzz\",\"files\":[1]}"));
                return new BadRequests.Probe("import", caller, "POST", "/api/v1/imports", Map.of("Content-Type", "application/json"),
                        body.getBytes(StandardCharsets.UTF_8), false, true, null);
            }
            case 11 -> {
                String body = pick(List.of("{\"from\":\"2026-11-01T00:00:00Z\",\"to\":\"2026-10-01T00:00:00Z\",\"purpose\":\"audit\",\"reference\":\"A1\"}",
                        "{\"from\":\"garbage\",\"to\":\"2026-10-01T00:00:00Z\",\"purpose\":\"audit\",\"reference\":\"A1\"}",
                        "{\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-11-01T00:00:00Z\",\"purpose\":\"audit\",\"reference\":\"A1\",\"province\":\"Sung Thi Fuzzmai\"}",
                        "{\"from\":", "{}"));
                return new BadRequests.Probe("audit-export", caller, "POST", "/api/v1/audit/exports", Map.of("Content-Type", "application/json"),
                        body.getBytes(StandardCharsets.UTF_8), false, true, null);
            }
            default -> {
                boolean rebuild = random.nextBoolean();
                String path = rebuild ? "/api/v1/admin/projections/" + pick(List.of("file-views", "nope", enc("Sung Thi Fuzzmai"))) + "/rebuild"
                        : "/api/v1/admin/projections";
                return new BadRequests.Probe("administration", caller, rebuild ? "POST" : "GET", path, headers, null, false, true, null);
            }
        }
    }

    private BadRequests.Probe probe(String kind, org.vrs.support.Caller caller, String path, Map<String, String> headers,
                                    boolean mustReject, String mustName) {
        return new BadRequests.Probe(kind, caller, "GET", path, Map.copyOf(headers), null, false, mustReject, mustName);
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
