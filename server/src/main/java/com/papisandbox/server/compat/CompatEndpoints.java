package com.papisandbox.server.compat;

import com.papisandbox.server.Endpoint;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;
import com.papisandbox.server.Weight;
import com.papisandbox.server.dapi.EdgeEndpoint;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * Endpoints of Binance's other hosts (api, sapi, fapi) that real clients call on the way to PAPI CM:
 * ccxt with its default options loads coins, margin pairs and every market type before its first order.
 * Each answers what Binance shows a Portfolio Margin account that trades COIN-M only (docs/decisions.md,
 * "Other hosts ccxt calls").
 */
public final class CompatEndpoints {
    private CompatEndpoints() {
    }

    public static List<Endpoint<?>> all(LongSupplier clock) {
        return List.of(
                new CoinsEndpoint(),
                new MarginPairsEndpoint(Route.get("/sapi/v1/margin/allPairs"), Security.MARKET_DATA, Weight.of(1)),
                new MarginPairsEndpoint(Route.get("/sapi/v1/margin/isolated/allPairs"), Security.USER_DATA, Weight.of(10)),
                new EdgeEndpoint(Route.get("/api/v3/exchangeInfo"), Weight.of(20),
                        () -> EmptyExchangeInfo.spot(clock.getAsLong())),
                new EdgeEndpoint(Route.get("/fapi/v1/exchangeInfo"), Weight.of(1),
                        () -> EmptyExchangeInfo.usdsFutures(clock.getAsLong())));
    }
}
