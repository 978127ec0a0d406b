package com.papisandbox.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestParamsTest {
    @Test
    void signatureIsCutFromTheRawTextWhereverItStands() {
        assertThat(RequestParams.parse("a=1&signature=ab&b=2", "").signedPayload()).isEqualTo("a=1&b=2");
        assertThat(RequestParams.parse("signature=ab&a=1", "").signedPayload()).isEqualTo("a=1");
        assertThat(RequestParams.parse("a=1&b=2&signature=ab", "").signedPayload()).isEqualTo("a=1&b=2");
        assertThat(RequestParams.parse("", "a=1&signature=ab").signedPayload()).isEqualTo("a=1");
    }

    @Test
    void rawEncodingIsKeptForTheSignatureAndDecodedForTheValue() {
        RequestParams p = RequestParams.parse("newClientOrderId=a%2Fb%3Ac&signature=ab", "");
        assertThat(p.signedPayload()).isEqualTo("newClientOrderId=a%2Fb%3Ac");
        assertThat(p.get("newClientOrderId")).isEqualTo("a/b:c");
    }

    @Test
    void queryWinsOverBody() {
        RequestParams p = RequestParams.parse("symbol=BTCUSD_PERP", "symbol=ETHUSD_PERP&side=BUY");
        assertThat(p.get("symbol")).isEqualTo("BTCUSD_PERP");
        assertThat(p.get("side")).isEqualTo("BUY");
        assertThat(p.signedPayload()).isEqualTo("symbol=BTCUSD_PERPsymbol=ETHUSD_PERP&side=BUY");
    }

    @Test
    void duplicatesWithinOneSourceAreRefused() {
        assertThatThrownBy(() -> RequestParams.parse("a=1&a=2", ""))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error().code()).isEqualTo(-1101));
        assertThatThrownBy(() -> RequestParams.parse("", "a=1&a=1"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error().code()).isEqualTo(-1101));
        assertThatThrownBy(() -> RequestParams.parse("signature=a", "signature=b"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error().code()).isEqualTo(-1101));
    }

    @Test
    void badPercentEncodingIsIllegalChars() {
        assertThatThrownBy(() -> RequestParams.parse("a=%zz", ""))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.illegalChars()));
        assertThatThrownBy(() -> RequestParams.parse("a=%ff%fe", ""))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.illegalChars()));
    }

    @Test
    void emptyValuesCountAsNotSent() {
        RequestParams p = RequestParams.parse("orderId=&symbol=X", "");
        assertThat(p.get("orderId")).isNull();
        assertThat(p.has("symbol")).isTrue();
    }
}
