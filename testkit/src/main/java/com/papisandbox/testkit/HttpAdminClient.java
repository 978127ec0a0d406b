package com.papisandbox.testkit;

import com.papisandbox.server.admin.AdminException;
import com.papisandbox.server.admin.SandboxAdmin;
import com.papisandbox.server.admin.Scenario;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin interface over HTTP: the same {@link SandboxAdmin} as in-process, for a sandbox in another
 * process (a CI job's {@code serve}). Refusals come back as the {@link AdminException} the server raised.
 */
public final class HttpAdminClient implements SandboxAdmin {
    private final String baseUrl;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HttpAdminClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    @Override
    public CreatedAccount createAccount(NewAccount account) {
        JsonObject body = new JsonObject();
        if (account.apiKey() != null) body.put("apiKey", account.apiKey());
        if (account.secret() != null) body.put("secret", account.secret());
        if (account.rsaPublicKey() != null) body.put("rsaPublicKey", account.rsaPublicKey());
        if (account.balances() != null) {
            JsonObject balances = new JsonObject();
            account.balances().forEach((asset, amount) -> balances.put(asset, amount.toPlainString()));
            body.put("balances", balances);
        }
        JsonObject reply = (JsonObject) call("POST", "/accounts", body);
        return new CreatedAccount(account(reply.getJsonObject("account")), reply.getString("secret"));
    }

    @Override
    public List<AccountInfo> accounts() {
        List<AccountInfo> all = new ArrayList<>();
        for (Object o : (JsonArray) call("GET", "/accounts", null)) all.add(account((JsonObject) o));
        return all;
    }

    @Override
    public AccountInfo deposit(String apiKey, String asset, BigDecimal amount) {
        return account((JsonObject) call("POST", "/accounts/" + encode(apiKey) + "/deposit", transfer(asset, amount)));
    }

    @Override
    public AccountInfo withdraw(String apiKey, String asset, BigDecimal amount) {
        return account((JsonObject) call("POST", "/accounts/" + encode(apiKey) + "/withdraw", transfer(asset, amount)));
    }

    @Override
    public AccountInfo setCommission(String apiKey, BigDecimal makerRate, BigDecimal takerRate) {
        JsonObject body = new JsonObject();
        if (makerRate != null) body.put("makerCommissionRate", makerRate.toPlainString());
        if (takerRate != null) body.put("takerCommissionRate", takerRate.toPlainString());
        return account((JsonObject) call("POST", "/accounts/" + encode(apiKey) + "/commission", body));
    }

    @Override
    public MarketInfo market() {
        return market((JsonObject) call("GET", "/market", null));
    }

    @Override
    public MarketInfo holdMarket() {
        return market((JsonObject) call("POST", "/market/hold", null));
    }

    @Override
    public MarketInfo resumeMarket() {
        return market((JsonObject) call("POST", "/market/resume", null));
    }

    @Override
    public MarketInfo stopMarket() {
        return market((JsonObject) call("POST", "/market/stop", null));
    }

    @Override
    public MarketInfo configureMarket(MarketSettings s) {
        JsonObject body = new JsonObject();
        if (s.volatility() != null) body.put("volatility", s.volatility());
        if (s.spread() != null) body.put("spread", s.spread());
        if (s.depth() != null) body.put("depth", s.depth());
        if (s.levelQty() != null) body.put("levelQty", s.levelQty());
        return market((JsonObject) call("POST", "/market/settings", body));
    }

    @Override
    public SymbolPrices setPrices(String symbol, BigDecimal referencePrice, BigDecimal markPrice, BigDecimal indexPrice) {
        JsonObject body = new JsonObject().put("symbol", symbol);
        if (referencePrice != null) body.put("referencePrice", referencePrice.toPlainString());
        if (markPrice != null) body.put("markPrice", markPrice.toPlainString());
        if (indexPrice != null) body.put("indexPrice", indexPrice.toPlainString());
        return prices((JsonObject) call("POST", "/market/prices", body));
    }

    @Override
    public MarketInfo tradeAt(String symbol, BigDecimal price, BigDecimal quantity) {
        JsonObject body = new JsonObject();
        putIf(body, "symbol", symbol);
        if (price != null) body.put("price", price.toPlainString());
        if (quantity != null) body.put("quantity", quantity.toPlainString());
        return market((JsonObject) call("POST", "/market/trade", body));
    }

    @Override
    public LiquidityInfo addLiquidity(String symbol, String side, BigDecimal price, BigDecimal quantity) {
        JsonObject body = new JsonObject();
        putIf(body, "symbol", symbol);
        putIf(body, "side", side);
        if (price != null) body.put("price", price.toPlainString());
        if (quantity != null) body.put("quantity", quantity.toPlainString());
        return liquidity((JsonObject) call("POST", "/market/liquidity", body));
    }

    @Override
    public LiquidityInfo removeLiquidity(String symbol, String side) {
        JsonObject body = new JsonObject();
        putIf(body, "symbol", symbol);
        putIf(body, "side", side);
        return liquidity((JsonObject) call("POST", "/market/liquidity/remove", body));
    }

    private static LiquidityInfo liquidity(JsonObject o) {
        return new LiquidityInfo(o.getString("symbol"), levels(o.getJsonArray("bids")), levels(o.getJsonArray("asks")));
    }

    private static List<List<BigDecimal>> levels(JsonArray rows) {
        List<List<BigDecimal>> levels = new ArrayList<>();
        for (Object row : rows) {
            JsonArray r = (JsonArray) row;
            levels.add(List.of(new BigDecimal(r.getString(0)), new BigDecimal(r.getString(1))));
        }
        return levels;
    }

    @Override
    public MarketInfo followPath(String symbol, List<PricePoint> points) {
        JsonArray array = new JsonArray();
        for (PricePoint p : points) array.add(new JsonObject().put("afterMillis", p.afterMillis()).put("price", p.price().toPlainString()));
        return market((JsonObject) call("POST", "/market/path", new JsonObject().put("symbol", symbol).put("points", array)));
    }

    @Override
    public RateLimitInfo rateLimits() {
        return rateLimits((JsonObject) call("GET", "/rateLimits", null));
    }

    @Override
    public RateLimitInfo liftBans() {
        return rateLimits((JsonObject) call("POST", "/rateLimits/liftBans", null));
    }

    @Override
    public ClockInfo clock() {
        return clock((JsonObject) call("GET", "/clock", null));
    }

    @Override
    public ClockInfo freezeClock() {
        return clock((JsonObject) call("POST", "/clock/freeze", null));
    }

    @Override
    public ClockInfo advanceClock(long millis) {
        return clock((JsonObject) call("POST", "/clock/advance", new JsonObject().put("millis", millis)));
    }

    @Override
    public ClockInfo runClock() {
        return clock((JsonObject) call("POST", "/clock/run", null));
    }

    @Override
    public StateHash stateHash() {
        return hash((JsonObject) call("GET", "/stateHash", null));
    }

    @Override
    public StateHash reset() {
        return hash((JsonObject) call("POST", "/reset", null));
    }

    @Override
    public SavedStateInfo saveSnapshot(String name) {
        return saved((JsonObject) call("POST", "/snapshots", new JsonObject().put("name", name)));
    }

    @Override
    public List<SavedStateInfo> snapshots() {
        List<SavedStateInfo> all = new ArrayList<>();
        for (Object o : (JsonArray) call("GET", "/snapshots", null)) all.add(saved((JsonObject) o));
        return all;
    }

    @Override
    public StateHash restoreSnapshot(String name) {
        return hash((JsonObject) call("POST", "/snapshots/" + encode(name) + "/restore", null));
    }

    @Override
    public Scenario.Loaded loadScenario(String scenario) {
        JsonObject o = (JsonObject) send("POST", "/scenario", scenario, "application/yaml");
        List<CreatedAccount> accounts = new ArrayList<>();
        for (Object a : o.getJsonArray("accounts")) {
            JsonObject created = (JsonObject) a;
            accounts.add(new CreatedAccount(account(created.getJsonObject("account")), created.getString("secret")));
        }
        List<FaultInfo> faults = new ArrayList<>();
        for (Object f : o.getJsonArray("faults")) faults.add(fault((JsonObject) f));
        return new Scenario.Loaded(accounts, market(o.getJsonObject("market")), clock(o.getJsonObject("clock")), faults);
    }

    @Override
    public FaultInfo addFault(FaultSpec f) {
        JsonObject body = new JsonObject();
        putIf(body, "kind", f.kind());
        putIf(body, "target", f.target());
        putIf(body, "count", f.count());
        putIf(body, "probability", f.probability());
        putIf(body, "latencyMillis", f.latencyMillis());
        putIf(body, "latencyPreset", f.latencyPreset());
        putIf(body, "code", f.code());
        putIf(body, "msg", f.msg());
        putIf(body, "httpStatus", f.httpStatus());
        return fault((JsonObject) call("POST", "/faults", body));
    }

    @Override
    public FaultsInfo faults() {
        return faultsInfo((JsonObject) call("GET", "/faults", null));
    }

    @Override
    public FaultsInfo removeFault(long id) {
        return faultsInfo((JsonObject) call("DELETE", "/faults/" + id, null));
    }

    @Override
    public FaultsInfo clearFaults() {
        return faultsInfo((JsonObject) call("POST", "/faults/clear", null));
    }

    @Override
    public FaultsInfo seedFaults(long seed) {
        return faultsInfo((JsonObject) call("POST", "/faults/seed", new JsonObject().put("seed", seed)));
    }

    @Override
    public StreamsInfo dropStreams(String streams) {
        JsonObject body = new JsonObject();
        putIf(body, "streams", streams);
        return streamsInfo((JsonObject) call("POST", "/streams/drop", body));
    }

    @Override
    public StreamsInfo stallStreams(String streams, long millis) {
        JsonObject body = new JsonObject().put("millis", millis);
        putIf(body, "streams", streams);
        return streamsInfo((JsonObject) call("POST", "/streams/stall", body));
    }

    @Override
    public StreamsInfo expireListenKeys(String apiKey) {
        JsonObject body = new JsonObject();
        putIf(body, "apiKey", apiKey);
        return streamsInfo((JsonObject) call("POST", "/listenKeys/expire", body));
    }

    private static void putIf(JsonObject body, String name, Object value) {
        if (value != null) body.put(name, value);
    }

    private static FaultInfo fault(JsonObject o) {
        return new FaultInfo(o.getLong("id"), o.getString("kind"), o.getString("target"), o.getInteger("count"),
                Double.parseDouble(o.getString("probability")), o.getLong("latencyMillis"), o.getString("latencyPreset"),
                o.getInteger("code"), o.getString("msg"), o.getInteger("httpStatus"));
    }

    private static FaultsInfo faultsInfo(JsonObject o) {
        List<FaultInfo> active = new ArrayList<>();
        for (Object f : o.getJsonArray("active")) active.add(fault((JsonObject) f));
        List<InjectionInfo> injected = new ArrayList<>();
        for (Object i : o.getJsonArray("injected")) {
            JsonObject j = (JsonObject) i;
            injected.add(new InjectionInfo(j.getLong("time"), j.getLong("faultId"), j.getString("kind"), j.getString("method"),
                    j.getString("path"), j.getLong("delayMillis")));
        }
        return new FaultsInfo(active, injected);
    }

    private static StreamsInfo streamsInfo(JsonObject o) {
        return new StreamsInfo(o.getInteger("userConnections"), o.getInteger("marketConnections"), o.getInteger("listenKeysEnded"));
    }

    private static StateHash hash(JsonObject o) {
        return new StateHash(o.getString("stateHash"), o.getInteger("orders"));
    }

    private static SavedStateInfo saved(JsonObject o) {
        return new SavedStateInfo(o.getString("name"), o.getString("stateHash"), o.getLong("time"), o.getLong("bytes"));
    }

    private static JsonObject transfer(String asset, BigDecimal amount) {
        JsonObject body = new JsonObject();
        if (asset != null) body.put("asset", asset);
        if (amount != null) body.put("amount", amount.toPlainString());
        return body;
    }

    private static AccountInfo account(JsonObject o) {
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        JsonObject b = o.getJsonObject("balances");
        if (b != null) for (String asset : b.fieldNames()) balances.put(asset, new BigDecimal(b.getString(asset)));
        return new AccountInfo(o.getString("apiKey"), o.getLong("accountId"), o.getString("keyType"),
                decimal(o, "makerCommissionRate"), decimal(o, "takerCommissionRate"), balances);
    }

    private static MarketInfo market(JsonObject o) {
        List<String> scripted = new ArrayList<>();
        for (Object s : o.getJsonArray("scriptedPairs")) scripted.add((String) s);
        List<SymbolPrices> symbols = new ArrayList<>();
        for (Object s : o.getJsonArray("symbols")) symbols.add(prices((JsonObject) s));
        return new MarketInfo(o.getString("state"), o.getString("mode"), Double.parseDouble(o.getString("volatility")),
                Double.parseDouble(o.getString("spread")), o.getInteger("depth"), o.getLong("levelQty"), o.getLong("tickMillis"),
                scripted, symbols);
    }

    private static SymbolPrices prices(JsonObject o) {
        return new SymbolPrices(o.getString("symbol"), decimal(o, "referencePrice"), decimal(o, "markPrice"), decimal(o, "indexPrice"));
    }

    private static RateLimitInfo rateLimits(JsonObject o) {
        List<IpRateLimit> ips = new ArrayList<>();
        for (Object item : o.getJsonArray("ips")) {
            JsonObject ip = (JsonObject) item;
            ips.add(new IpRateLimit(ip.getString("ip"), ip.getInteger("usedWeight"), ip.getLong("bannedUntil"), ip.getLong("nextBanMillis")));
        }
        return new RateLimitInfo(o.getBoolean("enforced"), o.getInteger("weightPerMinute"), o.getInteger("ordersPerMinute"), ips);
    }

    private static ClockInfo clock(JsonObject o) {
        return new ClockInfo(o.getLong("time"), o.getBoolean("frozen"));
    }

    private static BigDecimal decimal(JsonObject o, String name) {
        String v = o.getString(name);
        return v == null ? null : new BigDecimal(v);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Object call(String method, String path, JsonObject body) {
        return send(method, path, body == null ? null : body.encode(), "application/json");
    }

    private Object send(String method, String path, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox/v1" + path)).timeout(Duration.ofSeconds(60))
                .header("X-Sandbox-Token", token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", contentType);
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Object parsed = io.vertx.core.json.Json.decodeValue(r.body());
        if (r.statusCode() != 200) {
            JsonObject error = (JsonObject) parsed;
            throw new AdminException(r.statusCode(), error.getString("error"), error.getString("message"));
        }
        return parsed;
    }
}
