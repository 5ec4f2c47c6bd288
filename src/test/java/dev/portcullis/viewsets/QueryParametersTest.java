package dev.portcullis.viewsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A pagination link's query as DRF's {@code replace_query_param} writes it (each expectation is Python's). */
class QueryParametersTest {

    @ParameterizedTest(name = "{0} with {1}={2}")
    @CsvSource(delimiter = '|', value = {
            "limit=20                         | offset   | 20   | limit=20&offset=20",
            "offset=20&limit=20               | offset   | 40   | limit=20&offset=40",
            "search=caf%C3%A9+au+lait&limit=5 | offset   | 5    | limit=5&offset=5&search=caf%C3%A9+au+lait",
            "tag=b&tag=a&limit=2              | offset   | 2    | limit=2&offset=2&tag=b&tag=a",
            "q=a%2Bb&x=%zz                    | page     | 2    | page=2&q=a%2Bb&x=%25zz",
            "ordering=-created_at&page=3      | page     | 4    | ordering=-created_at&page=4",
            "name=Zoë&a=1+2                   | page     | 2    | a=1+2&name=Zo%C3%AB&page=2",
            "''                               | cursor   | cD0y | cursor=cD0y",
    })
    void aLinkReplacesOneParameterAsDrfDoes(String query, String name, String value, String expected) {
        assertEquals(expected, QueryParameters.parse(query).with(name, value).encode());
    }
}
