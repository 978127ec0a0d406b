package com.papisandbox.server;

import com.papisandbox.engine.TimeInForce;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParamReaderTest {
    private static ParamReader reader(String query) {
        return new ParamReader(RequestParams.parse(query, ""));
    }

    @Test
    void anEnumConstantTheEndpointDoesNotListIsRefusedLikeAnUnknownValue() {
        // GTX exists in the engine; an endpoint documenting only GTC and IOC must not accept it.
        EnumSet<TimeInForce> documented = EnumSet.of(TimeInForce.GTC, TimeInForce.IOC);
        assertThat(reader("timeInForce=IOC").optionalEnum("timeInForce", documented, ApiError.invalidTimeInForce()))
                .isEqualTo(TimeInForce.IOC);
        assertThatThrownBy(() -> reader("timeInForce=GTX").optionalEnum("timeInForce", documented, ApiError.invalidTimeInForce()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.invalidTimeInForce()));
        assertThatThrownBy(() -> reader("timeInForce=gtc").optionalEnum("timeInForce", documented, ApiError.invalidTimeInForce()))
                .isInstanceOf(ApiException.class);
        assertThat(reader("").optionalEnum("timeInForce", documented, ApiError.invalidTimeInForce())).isNull();
    }
}
