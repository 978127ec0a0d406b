package com.papisandbox.testkit;

import com.papisandbox.server.Sandbox;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other hosts' routes ccxt calls while loading markets with its default options: exact bodies,
 * security (USER_DATA signed, MARKET_DATA key only, NONE open) and their errors.
 */
class CompatEndpointsTest extends TwoAccounts {
    static final String COINS = "/sapi/v1/capital/config/getall";
    static final String CROSS_PAIRS = "/sapi/v1/margin/allPairs";
    static final String ISOLATED_PAIRS = "/sapi/v1/margin/isolated/allPairs";
    static final String SPOT_INFO = "/api/v3/exchangeInfo";
    static final String UM_INFO = "/fapi/v1/exchangeInfo";

    static final String BTC_NETWORK = "{\"network\":\"BTC\",\"coin\":\"BTC\",\"withdrawIntegerMultiple\":\"0.00000001\","
            + "\"isDefault\":true,\"depositEnable\":true,\"withdrawEnable\":true,\"depositDesc\":\"\",\"withdrawDesc\":\"\","
            + "\"specialTips\":\"\",\"specialWithdrawTips\":\"\",\"name\":\"Bitcoin\",\"resetAddressStatus\":false,"
            + "\"addressRegex\":\"^[13][a-km-zA-HJ-NP-Z1-9]{25,34}$|^(bc1)[0-9A-Za-z]{39,59}$\",\"memoRegex\":\"\","
            + "\"withdrawFee\":\"0.000012\",\"withdrawMin\":\"0.0001\",\"withdrawMax\":\"10000\","
            + "\"withdrawInternalMin\":\"0.00000001\",\"depositDust\":\"0.000006\",\"minConfirm\":1,\"unLockConfirm\":2,"
            + "\"sameAddress\":false,\"withdrawTag\":false,\"estimatedArrivalTime\":60,\"busy\":false}";
    static final String ETH_NETWORK = "{\"network\":\"ETH\",\"coin\":\"ETH\",\"withdrawIntegerMultiple\":\"0.00000001\","
            + "\"isDefault\":true,\"depositEnable\":true,\"withdrawEnable\":true,\"depositDesc\":\"\",\"withdrawDesc\":\"\","
            + "\"specialTips\":\"\",\"specialWithdrawTips\":\"\",\"name\":\"Ethereum (ERC20)\",\"resetAddressStatus\":false,"
            + "\"addressRegex\":\"^(0x)[0-9A-Fa-f]{40}$\",\"memoRegex\":\"\",\"withdrawFee\":\"0.0008\",\"withdrawMin\":\"0.0016\","
            + "\"withdrawMax\":\"10000000000\",\"withdrawInternalMin\":\"0.00000001\",\"depositDust\":\"0.000001\","
            + "\"minConfirm\":6,\"unLockConfirm\":64,\"sameAddress\":false,\"withdrawTag\":false,\"estimatedArrivalTime\":2,"
            + "\"busy\":false}";
    static final String USDT_NETWORK = "{\"network\":\"ETH\",\"coin\":\"USDT\",\"withdrawIntegerMultiple\":\"0.000001\","
            + "\"isDefault\":true,\"depositEnable\":true,\"withdrawEnable\":true,\"depositDesc\":\"\",\"withdrawDesc\":\"\","
            + "\"specialTips\":\"\",\"specialWithdrawTips\":\"\",\"name\":\"Ethereum (ERC20)\",\"resetAddressStatus\":false,"
            + "\"addressRegex\":\"^(0x)[0-9A-Fa-f]{40}$\",\"memoRegex\":\"\",\"withdrawFee\":\"3\",\"withdrawMin\":\"6\","
            + "\"withdrawMax\":\"10000000000\",\"withdrawInternalMin\":\"0.000001\",\"depositDust\":\"0.01\","
            + "\"minConfirm\":6,\"unLockConfirm\":64,\"sameAddress\":false,\"withdrawTag\":false,\"estimatedArrivalTime\":2,"
            + "\"busy\":false,\"contractAddressUrl\":\"https://etherscan.io/address/\","
            + "\"contractAddress\":\"0xdac17f958d2ee523a2206206994597c13d831ec7\"}";

    private final PapiClient anonymous;

    CompatEndpointsTest(Sandbox sandbox) {
        super(sandbox);
        this.anonymous = new PapiClient(sandbox.baseUrl(), null, "unused");
    }

    static String coin(String code, String name, String free, String network) {
        return "{\"coin\":\"" + code + "\",\"depositAllEnable\":true,\"withdrawAllEnable\":true,\"name\":\"" + name
                + "\",\"free\":\"" + free + "\",\"locked\":\"0\",\"freeze\":\"0\",\"withdrawing\":\"0\",\"ipoing\":\"0\","
                + "\"ipoable\":\"0\",\"storage\":\"0\",\"isLegalMoney\":false,\"trading\":true,\"networkList\":[" + network + "]}";
    }

    @Test
    void coinListShowsTheAccountsBalancesAsFreeAndUsdtAtZero() {
        PapiClient.Response r = a.signed("GET", COINS, params());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertWeightHeader(r);
        assertThat(r.body()).isEqualTo("[" + coin("BTC", "Bitcoin", "10", BTC_NETWORK) + ","
                + coin("ETH", "Ethereum", "100", ETH_NETWORK) + "," + coin("USDT", "TetherUS", "0", USDT_NETWORK) + "]");
        assertThat(array(r)).hasSize(3);
    }

    @Test
    void coinListTakesRecvWindowAndWeighs10() {
        int before = Integer.parseInt(a.signed("GET", COINS, params()).header("X-MBX-USED-WEIGHT-1M"));
        PapiClient.Response r = a.signed("GET", COINS, params("recvWindow", "10000"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        int after = Integer.parseInt(r.header("X-MBX-USED-WEIGHT-1M"));
        // Same minute almost always; a minute boundary in between resets the window.
        assertThat(after == before + 10 || after <= 10).as("%s then %s", before, after).isTrue();
    }

    @Test
    void coinListIsSigned() {
        assertError(anonymous.raw("GET", COINS, "", "", null), 401, -2014, BAD_KEY_FORMAT);
        assertError(a.rawWithKey("GET", COINS, "", "", null, "noSuchKey"), 401, -2015, REJECTED_KEY);
        assertError(a.raw("GET", COINS, "", "", null), -1102, mandatory("timestamp"));
        assertError(a.raw("GET", COINS, "timestamp=" + now(), "", null), -1102, mandatory("signature"));
        assertError(a.raw("GET", COINS, "timestamp=" + now() + "&signature=00", "", null), -1022, BAD_SIGNATURE);
        assertError(a.signed("GET", COINS, params("timestamp", "1000")), -1021, OUTSIDE_WINDOW);
        assertError(a.signed("GET", COINS, params("asset", "BTC")), -1104, unread(2, 3));
    }

    @Test
    void crossMarginPairsAreEmptyWithTheKeyAloneOrSignedAsCcxtSendsThem() {
        PapiClient.Response keyOnly = a.raw("GET", CROSS_PAIRS, "", "", null);
        assertThat(keyOnly.status()).as(keyOnly.body()).isEqualTo(200);
        assertThat(keyOnly.body()).isEqualTo("[]");
        assertWeightHeader(keyOnly);
        PapiClient.Response signed = a.signed("GET", CROSS_PAIRS, params("recvWindow", "10000"));
        assertThat(signed.body()).isEqualTo("[]");
        // MARKET_DATA: timestamp and signature are taken, not checked.
        PapiClient.Response badSignature = a.raw("GET", CROSS_PAIRS, "timestamp=1&signature=00", "", null);
        assertThat(badSignature.status()).as(badSignature.body()).isEqualTo(200);
        assertThat(badSignature.body()).isEqualTo("[]");
    }

    @Test
    void crossMarginPairsNeedAKeyAndKnowNoSymbol() {
        assertError(anonymous.raw("GET", CROSS_PAIRS, "", "", null), 401, -2014, BAD_KEY_FORMAT);
        assertError(a.rawWithKey("GET", CROSS_PAIRS, "", "", null, "noSuchKey"), 401, -2015, REJECTED_KEY);
        assertError(a.raw("GET", CROSS_PAIRS, "symbol=BTCUSDT", "", null), -1121, INVALID_SYMBOL);
        assertError(a.raw("GET", CROSS_PAIRS, "asset=BTC", "", null), -1104, unread(0, 1));
    }

    @Test
    void isolatedMarginPairsAreEmptyAndSigned() {
        PapiClient.Response r = a.signed("GET", ISOLATED_PAIRS, params());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("[]");
        assertWeightHeader(r);
        assertError(anonymous.raw("GET", ISOLATED_PAIRS, "", "", null), 401, -2014, BAD_KEY_FORMAT);
        assertError(a.raw("GET", ISOLATED_PAIRS, "", "", null), -1102, mandatory("timestamp"));
        assertError(a.raw("GET", ISOLATED_PAIRS, "timestamp=" + now() + "&signature=00", "", null), -1022, BAD_SIGNATURE);
        // the symbol is judged after the signature
        assertError(a.raw("GET", ISOLATED_PAIRS, "symbol=BTCUSDT&timestamp=" + now() + "&signature=00", "", null),
                -1022, BAD_SIGNATURE);
        assertError(a.signed("GET", ISOLATED_PAIRS, params("symbol", "BTCUSDT")), -1121, INVALID_SYMBOL);
    }

    @Test
    void spotExchangeInfoIsOpenAndListsNoSymbol() {
        PapiClient.Response r = anonymous.raw("GET", SPOT_INFO, "", "", null);
        JsonObject info = object(r);
        assertKeys(info, List.of("timezone", "serverTime", "rateLimits", "exchangeFilters", "symbols"));
        assertThat(r.body()).isEqualTo("{\"timezone\":\"UTC\",\"serverTime\":" + number(info, "serverTime") + ",\"rateLimits\":["
                + "{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":6000},"
                + "{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\",\"intervalNum\":10,\"limit\":100},"
                + "{\"rateLimitType\":\"ORDERS\",\"interval\":\"DAY\",\"intervalNum\":1,\"limit\":200000},"
                + "{\"rateLimitType\":\"RAW_REQUESTS\",\"interval\":\"MINUTE\",\"intervalNum\":5,\"limit\":61000}],"
                + "\"exchangeFilters\":[],\"symbols\":[]}");
        assertThat(Math.abs(number(info, "serverTime") - System.currentTimeMillis())).isLessThan(60_000);
    }

    @Test
    void usdsFuturesExchangeInfoIsOpenAndListsNoSymbolNorAsset() {
        PapiClient.Response r = a.raw("GET", UM_INFO, "", "", null);
        JsonObject info = object(r);
        assertThat(r.body()).isEqualTo("{\"timezone\":\"UTC\",\"serverTime\":" + number(info, "serverTime")
                + ",\"futuresType\":\"U_MARGINED\",\"rateLimits\":["
                + "{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":2400},"
                + "{\"rateLimitType\":\"ORDERS\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":1200},"
                + "{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\",\"intervalNum\":10,\"limit\":300}],"
                + "\"exchangeFilters\":[],\"assets\":[],\"symbols\":[]}");
    }

    @Test
    void otherHostsPathsStayUnknownBeyondTheseRoutes() {
        assertError(anonymous.raw("POST", SPOT_INFO, "", "", null), 404, -5000, "Path /api/v3/exchangeInfo, Method POST is invalid");
        assertError(a.raw("GET", "/sapi/v1/capital/deposit/address", "", "", null), 404, -5000,
                "Path /sapi/v1/capital/deposit/address, Method GET is invalid");
    }
}
