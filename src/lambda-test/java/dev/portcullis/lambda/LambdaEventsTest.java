package dev.portcullis.lambda;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The event contract in-process: each event posted as it is to Quarkus's mock Lambda event server, which hands it
 * to the function and returns the function's answer untouched. (The other suites of a {@code -Dlambda} build reach
 * the service through the same server, which turns their HTTP requests into events.)
 */
@QuarkusTest
class LambdaEventsTest extends EventContract {

    @Override
    Answer invoke(String event) {
        String response = RestAssured.given().body(event).post("/_lambda_").then().statusCode(200).extract().asString();
        return Answer.read(response);
    }
}
