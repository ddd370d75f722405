package org.vrs.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vrs.extract.CanonicalJsonException.Defect;

/** Known answers from RFC 8785 and its reference test data (cyberphone/json-canonicalization). */
class CanonicalJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String canonical(String json) throws Exception {
        return new String(CanonicalJson.canonicalize(MAPPER.readTree(json)), StandardCharsets.UTF_8);
    }

    @Test
    void arrays() throws Exception {
        assertThat(canonical("[\n  56,\n  {\n    \"d\": true,\n    \"10\": null,\n    \"1\": [ ]\n  }\n]"))
                .isEqualTo("[56,{\"1\":[],\"10\":null,\"d\":true}]");
    }

    @Test
    void structures() throws Exception {
        String input = "{\n  \"1\": {\"f\": {\"f\": \"hi\",\"F\": 5} ,\"\\n\": 56.0},\n  \"10\": { },\n"
                + "  \"\": \"empty\",\n  \"a\": { },\n  \"111\": [ { } ],\n  \"A\": { }\n}";
        assertThat(canonical(input)).isEqualTo(
                "{\"\":\"empty\",\"1\":{\"\\n\":56,\"f\":{\"F\":5,\"f\":\"hi\"}},\"10\":{},\"111\":[{}],\"A\":{},\"a\":{}}");
    }

    @Test
    void valuesFromRfc8785Section3_2_2() throws Exception {
        String input = "{\n  \"numbers\": [1E30, 4.50, 333333333.33333329, 2e-3, 0.000000000000000000000000001],\n"
                + "  \"escaping\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n}";
        assertThat(canonical(input)).isEqualTo(
                "{\"escaping\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\",\"literals\":[null,true,false],"
                        + "\"numbers\":[1e+30,4.5,333333333.3333333,0.002,1e-27]}");
    }

    @Test
    void sortsByUtf16CodeUnitsNotByCodePointOrLocale() throws Exception {
        String input = "{\n  \"\\u20ac\": \"Euro Sign\",\n  \"1\": \"One\",\n  \"\\u0080\": \"Control\\u007f\",\n"
                + "  \"\\ud83d\\ude02\": \"Smiley\",\n  \"\\u00f6\": \"Latin Small Letter O With Diaeresis\",\n"
                + "  \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\",\n  \"</script>\": \"Browser Challenge\"\n}";
        assertThat(canonical(input)).isEqualTo("{\"1\":\"One\",\"</script>\":\"Browser Challenge\","
                + "\"\u0080\":\"Control\u007f\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
                + "\"\u20ac\":\"Euro Sign\",\"\ud83d\ude02\":\"Smiley\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void ignoresLocaleAndDoesNotNormaliseUnicode() throws Exception {
        assertThat(canonical("{\"sin\":\"4\",\"p\u00eache\":\"3\",\"p\u00e9ch\u00e9\":\"2\",\"peach\":\"1\"}"))
                .isEqualTo("{\"peach\":\"1\",\"p\u00e9ch\u00e9\":\"2\",\"p\u00eache\":\"3\",\"sin\":\"4\"}");
        assertThat(canonical("{\"Unnormalized Unicode\":\"\\u1e0d\\u0307\"}"))
                .isEqualTo("{\"Unnormalized Unicode\":\"\u1e0d\u0307\"}");
    }

    @Test
    void writesUtf8Bytes() throws Exception {
        byte[] bytes = CanonicalJson.canonicalize(MAPPER.readTree("\"\u20ac\""));
        assertThat(bytes).containsExactly(0x22, 0xe2, 0x82, 0xac, 0x22);
    }

    @Test
    void escapesEveryControlCharacterAndNothingElse() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            all.append(c);
        }
        String out = new String(CanonicalJson.canonicalize(JsonNodeFactory.instance.textNode(all.toString())),
                StandardCharsets.UTF_8);
        assertThat(out).startsWith("\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r"
                + "\\u000e\\u000f\\u0010")
                .contains("\\u001f !\\\"#$%&'()*+,-./0123456789")
                .contains("[\\\\]^_`")
                .endsWith("xyz{|}~\u007f\"");
    }

    /** RFC 8785 Appendix B: IEEE-754 bit patterns and their required serialisation. */
    @ParameterizedTest
    @CsvSource({
            "0000000000000000, 0",
            "8000000000000000, 0",
            "0000000000000001, 5e-324",
            "8000000000000001, -5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308",
            "ffefffffffffffff, -1.7976931348623157e+308",
            "4340000000000000, 9007199254740992",
            "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000",
            "44b52d02c7e14af5, 9.999999999999997e+22",
            "44b52d02c7e14af6, 1e+23",
            "44b52d02c7e14af7, 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e, 999999999999999700000",
            "444b1ae4d6e2ef4f, 999999999999999900000",
            "444b1ae4d6e2ef50, 1e+21",
            "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "41b3de4355555553, 333333333.3333332",
            "41b3de4355555554, 333333333.33333325",
            "41b3de4355555555, 333333333.3333333",
            "41b3de4355555556, 333333333.3333334",
            "41b3de4355555557, 333333333.33333343",
            "becbf647612f3696, -0.0000033333333333333333",
            "43143ff3c1cb0959, 1424953923781206.2",
    })
    void numbersFromAppendixB(String ieeeHex, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieeeHex, 16));
        assertThat(new String(CanonicalJson.canonicalize(DoubleNode.valueOf(value)), StandardCharsets.US_ASCII))
                .isEqualTo(expected);
    }

    @Test
    void integersUpTo2Pow53AreWrittenAsPlainDigits() {
        assertThat(CanonicalJson.canonicalize(LongNode.valueOf(-9007199254740992L)))
                .asString(StandardCharsets.US_ASCII).isEqualTo("-9007199254740992");
        assertThat(CanonicalJson.canonicalize(LongNode.valueOf(1234567890123L)))
                .asString(StandardCharsets.US_ASCII).isEqualTo("1234567890123");
    }

    @Test
    void refusesIntegersThatADoubleWouldChange() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.putObject("a/b").set("n", BigIntegerNode.valueOf(BigInteger.ONE.shiftLeft(53).add(BigInteger.ONE)));
        assertThatThrownBy(() -> CanonicalJson.canonicalize(node))
                .isInstanceOfSatisfying(CanonicalJsonException.class, e -> {
                    assertThat(e.defect()).isEqualTo(Defect.INEXACT_NUMBER);
                    assertThat(e.pointer()).isEqualTo("/a~1b/n");
                    assertThat(e.offendingValue()).isEqualTo("9007199254740993");
                });
        BigIntegerNode exactTwoPow68 = BigIntegerNode.valueOf(BigInteger.ONE.shiftLeft(68));
        assertThatThrownBy(() -> CanonicalJson.canonicalize(exactTwoPow68))
                .isInstanceOfSatisfying(CanonicalJsonException.class,
                        e -> assertThat(e.offendingValue()).isEqualTo("295147905179352825856"));
    }

    @Test
    void acceptsLargeIntegersWhoseCanonicalTextIsTheSameNumber() {
        assertThat(CanonicalJson.canonicalize(BigIntegerNode.valueOf(new BigInteger("295147905179352830000"))))
                .asString(StandardCharsets.US_ASCII).isEqualTo("295147905179352830000");
        assertThat(CanonicalJson.canonicalize(LongNode.valueOf(9007199254740994L)))
                .asString(StandardCharsets.US_ASCII).isEqualTo("9007199254740994");
    }

    @Test
    void refusesNonFiniteNumbers() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize(
                JsonNodeFactory.instance.arrayNode().add(1).add(Double.NaN)))
                .isInstanceOfSatisfying(CanonicalJsonException.class, e -> {
                    assertThat(e.defect()).isEqualTo(Defect.NON_FINITE_NUMBER);
                    assertThat(e.pointer()).isEqualTo("/1");
                });
        assertThatThrownBy(() -> CanonicalJson.canonicalize(DoubleNode.valueOf(Double.NEGATIVE_INFINITY)))
                .isInstanceOfSatisfying(CanonicalJsonException.class,
                        e -> assertThat(e.defect()).isEqualTo(Defect.NON_FINITE_NUMBER));
    }

    @Test
    void acceptsDecimalsWhoseCanonicalTextIsTheSameNumberAndRefusesOthers() {
        assertThat(CanonicalJson.canonicalize(DecimalNode.valueOf(new BigDecimal("4.50"))))
                .asString(StandardCharsets.US_ASCII).isEqualTo("4.5");
        assertThat(CanonicalJson.canonicalize(DecimalNode.valueOf(new BigDecimal("0.1"))))
                .asString(StandardCharsets.US_ASCII).isEqualTo("0.1");
        assertThatThrownBy(() -> CanonicalJson.canonicalize(DecimalNode.valueOf(new BigDecimal("333333333.33333329"))))
                .isInstanceOfSatisfying(CanonicalJsonException.class, e -> {
                    assertThat(e.defect()).isEqualTo(Defect.INEXACT_NUMBER);
                    assertThat(e.offendingValue()).isEqualTo("333333333.33333329");
                });
        assertThatThrownBy(() -> CanonicalJson.canonicalize(DecimalNode.valueOf(new BigDecimal("1e400"))))
                .isInstanceOfSatisfying(CanonicalJsonException.class,
                        e -> assertThat(e.defect()).isEqualTo(Defect.NON_FINITE_NUMBER));
    }

    @Test
    void refusesLoneSurrogatesWithoutEchoingTheString() {
        for (String bad : new String[] {"secret\ud800", "secret\udc00x", "\ud800\ud800\udc00"}) {
            ObjectNode node = JsonNodeFactory.instance.objectNode().put("name", bad);
            assertThatThrownBy(() -> CanonicalJson.canonicalize(node))
                    .isInstanceOfSatisfying(CanonicalJsonException.class, e -> {
                        assertThat(e.defect()).isEqualTo(Defect.LONE_SURROGATE);
                        assertThat(e.pointer()).isEqualTo("/name");
                        assertThat(e.getMessage()).doesNotContain("secret");
                    });
        }
    }

    @Test
    void refusesNodesThatAreNotJson() {
        JsonNode binary = JsonNodeFactory.instance.binaryNode(new byte[] {1});
        assertThatThrownBy(() -> CanonicalJson.canonicalize(binary))
                .isInstanceOfSatisfying(CanonicalJsonException.class,
                        e -> assertThat(e.defect()).isEqualTo(Defect.UNSUPPORTED_NODE));
    }
}
