package dev.portcullis.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Singleton;

/**
 * How the function reads API Gateway events and writes its answers. The Lambda runtime reads events with a copy of
 * the service's JSON mapper, whose snake_case names (DRF's) would miss every field AWS sends ({@code requestContext},
 * {@code rawPath}, {@code statusCode}): events are read by {@link EventReader}, answers written in AWS's own names.
 */
@Singleton
public class EventJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("api-gateway-events")
                .addDeserializer(APIGatewayV2HTTPEvent.class, new EventReader()));
        mapper.addMixIn(APIGatewayV2HTTPResponse.class, AwsNames.class);
    }

    /** AWS's camelCase property names, whatever the service's own naming strategy. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    @RegisterForReflection
    abstract static class AwsNames {
    }
}
