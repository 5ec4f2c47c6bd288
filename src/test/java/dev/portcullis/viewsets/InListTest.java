package dev.portcullis.viewsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An in-list's parameters: one per value, as many as the next power of two, the last value repeated. */
class InListTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "7          |o.id in (:p0)                       |7",
            "7,8        |o.id in (:p0, :p1)                  |7,8",
            "7,8,9      |o.id in (:p0, :p1, :p2, :p3)        |7,8,9,9",
            "7,8,9,10   |o.id in (:p0, :p1, :p2, :p3)        |7,8,9,10",
            "1,2,3,4,5  |o.id in (:p0, :p1, :p2, :p3, :p4, :p5, :p6, :p7)|1,2,3,4,5,5,5,5",
    })
    void parametersPaddedToAPowerOfTwo(String values, String condition, String bound) {
        InList list = InList.of("o.id", "p", Arrays.asList(values.split(",")));
        assertEquals(condition, list.condition());
        assertEquals(Arrays.asList(bound.split(",")), List.copyOf(list.parameters().values()));
    }

    @ParameterizedTest(name = "{0} values -> {1} parameters")
    @CsvSource({"16, 16", "17, 32", "20, 32", "100, 128", "129, 256"})
    void longListsShareAFewShapes(int values, int parameters) {
        assertEquals(parameters, InList.of("o.id", "p", IntStream.range(0, values).boxed().toList()).parameters().size());
    }

    @Test
    void anEmptyListIsAMistakeOfTheCaller() {
        assertThrows(IllegalArgumentException.class, () -> InList.of("o.id", "p", List.of()));
    }
}
