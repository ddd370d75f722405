package org.vrs.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CanonicalJsonPropertiesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Property(tries = 200)
    void canonicalisingCanonicalOutputIsIdentity(@ForAll("trees") JsonNode tree) throws Exception {
        byte[] once = CanonicalJson.canonicalize(tree);
        byte[] twice = CanonicalJson.canonicalize(MAPPER.readTree(once));
        assertThat(twice).isEqualTo(once);
    }

    @Property(tries = 200)
    void memberOrderOfTheInputDoesNotMatter(@ForAll("trees") JsonNode tree, @ForAll long seed) {
        assertThat(CanonicalJson.canonicalize(shuffled(tree, new Random(seed))))
                .isEqualTo(CanonicalJson.canonicalize(tree));
    }

    @Property(tries = 2000)
    void everyFiniteDoubleRoundTripsThroughItsCanonicalForm(@ForAll double value) {
        String text = new String(CanonicalJson.canonicalize(DoubleNode.valueOf(value)));
        assertThat(Double.parseDouble(text)).isEqualTo(value == 0 ? 0.0 : value);
    }

    @Property(tries = 2000)
    void canonicalNumbersAreNeverLongerThanJavasOwnShortestCandidate(@ForAll double value) {
        String text = new String(CanonicalJson.canonicalize(DoubleNode.valueOf(value)));
        String mantissa = text.replaceFirst("e.*", "").replace("-", "").replace(".", "").replaceAll("^0+", "");
        String javaDigits = Double.toString(Math.abs(value)).replaceFirst("E.*", "").replace(".", "")
                .replaceAll("^0+", "").replaceAll("0+$", "");
        assertThat(mantissa.replaceAll("0+$", "").length()).isLessThanOrEqualTo(Math.max(1, javaDigits.length()));
    }

    private static JsonNode shuffled(JsonNode node, Random random) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
            Collections.shuffle(members, random);
            ObjectNode copy = NODES.objectNode();
            members.forEach(m -> copy.set(m.getKey(), shuffled(m.getValue(), random)));
            return copy;
        }
        if (node.isArray()) {
            var copy = NODES.arrayNode();
            node.forEach(e -> copy.add(shuffled(e, random)));
            return copy;
        }
        return node;
    }

    /** Depth is bounded: an unbounded recursive generator with several children per node explodes. */
    @Provide
    Arbitrary<JsonNode> trees() {
        return Arbitraries.recursive(this::leaf, inner -> Arbitraries.oneOf(inner, array(inner), object(inner)), 0, 3);
    }

    /** Well-formed UTF-16 only: lone surrogates are refused by design (tested elsewhere). */
    private static Arbitrary<String> text(int maxLength) {
        return Arbitraries.strings().ofMaxLength(maxLength)
                .filter(s -> s.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF));
    }

    private Arbitrary<JsonNode> leaf() {
        return Arbitraries.oneOf(
                text(12).map(NODES::textNode),
                Arbitraries.longs().between(-(1L << 53), 1L << 53).map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode()));
    }

    private Arbitrary<JsonNode> array(Arbitrary<JsonNode> elementsOf) {
        return elementsOf.list().ofMaxSize(4).map(elements -> {
            var array = NODES.arrayNode();
            elements.forEach(array::add);
            return array;
        });
    }

    private Arbitrary<JsonNode> object(Arbitrary<JsonNode> valuesOf) {
        return Arbitraries.maps(text(6), valuesOf).ofMaxSize(5).map(members -> {
            ObjectNode object = NODES.objectNode();
            members.forEach(object::set);
            return object;
        });
    }
}
