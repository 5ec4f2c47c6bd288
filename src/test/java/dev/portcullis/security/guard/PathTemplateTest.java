package dev.portcullis.security.guard;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A template's parameters read from a path no resource method has matched yet (an OPTIONS's object, say). */
class PathTemplateTest {

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "/api/posts/                      |/api/posts/               |{}",
            "/api/posts/{id}/                 |/api/posts/7/             |{id=7}",
            "/api/posts/{id}/publish/         |/api/posts/abc/publish/   |{id=abc}",
            "/api/posts/{ id : [0-9]+ }/      |/api/posts/12/            |{id=12}",
            "/api/admin/users/{name}/token/   |/api/admin/users/bob/token/|{name=bob}",
            "/api/groups/{group}/members/{user}/|/api/groups/g1/members/ann/|{group=g1, user=ann}",
    })
    void parametersAreReadSegmentBySegment(String template, String path, String expected) {
        Map<String, String> parameters = new TreeMap<>(PathTemplate.parameters(template.strip(), path.strip()));
        assertEquals(expected, parameters.toString());
    }
}
