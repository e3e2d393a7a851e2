package io.switchboard.client.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class JsonRoundTripTest {

    @Property(tries = 500)
    void readingWhatWasWrittenGivesTheValueBack(@ForAll("values") Object value) {
        String cut = JsonWriter.write(value);

        assertThat(JsonReader.parse(cut)).isEqualTo(value);
    }

    @Property
    void anyStringSurvivesTheTrip(@ForAll String text) {
        assertThat(JsonReader.parse(JsonWriter.write(text))).isEqualTo(text);
    }

    @Property
    void anyFiniteDoubleSurvivesTheTrip(@ForAll double number) {
        Object cut = JsonReader.parse(JsonWriter.write(number));

        assertThat(cut).isEqualTo(number);
    }

    @Provide
    Arbitrary<Object> values() {
        return value(3);
    }

    private Arbitrary<Object> value(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s),
                Arbitraries.longs().map(n -> (Object) n),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<Object> nested = Arbitraries.lazy(() -> value(depth - 1));
        Arbitrary<Object> list = nested.list().ofMaxSize(4).map(l -> (Object) l);
        Arbitrary<Object> map = Arbitraries.maps(Arbitraries.strings().ofMaxLength(8), nested).ofMaxSize(4)
                .map(m -> (Object) m);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, scalar), net.jqwik.api.Tuple.of(1, list), net.jqwik.api.Tuple.of(1, map));
    }

    @Property
    void objectsKeepTheirFieldsWhateverTheOrder(@ForAll Map<String, Long> fields) {
        assertThat(JsonReader.parse(JsonWriter.write(fields))).isEqualTo(fields);
    }

    @Property
    void arraysKeepTheirOrder(@ForAll List<Boolean> items) {
        assertThat(JsonReader.parse(JsonWriter.write(items))).isEqualTo(items);
    }
}
