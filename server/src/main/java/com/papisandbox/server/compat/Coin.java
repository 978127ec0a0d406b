package com.papisandbox.server.compat;

import java.util.List;
import java.util.Map;

/**
 * A coin as {@code GET /sapi/v1/capital/config/getall} describes it, without the account's amounts.
 * The sandbox knows the COIN-M margin assets and USDT (which PM accounts hold); its networks and fees are
 * modelled on Binance's docs and live values and never change, as the sandbox moves no coin on a chain.
 */
record Coin(String coin, String name, List<Network> networks) {

    /** One network of a coin, fields in Binance's order; a null contract address means a native coin. */
    record Network(String network, String withdrawIntegerMultiple, String name, String addressRegex,
                   String withdrawFee, String withdrawMin, String withdrawMax, String depositDust,
                   int minConfirm, int unLockConfirm, int estimatedArrivalTime,
                   String contractAddressUrl, String contractAddress) {
    }

    private static final String EVM_ADDRESS = "^(0x)[0-9A-Fa-f]{40}$";

    static final Map<String, Coin> KNOWN = Map.of(
            "BTC", new Coin("BTC", "Bitcoin", List.of(new Network("BTC", "0.00000001", "Bitcoin",
                    "^[13][a-km-zA-HJ-NP-Z1-9]{25,34}$|^(bc1)[0-9A-Za-z]{39,59}$", "0.000012", "0.0001",
                    "10000", "0.000006", 1, 2, 60, null, null))),
            "ETH", new Coin("ETH", "Ethereum", List.of(new Network("ETH", "0.00000001", "Ethereum (ERC20)",
                    EVM_ADDRESS, "0.0008", "0.0016", "10000000000", "0.000001", 6, 64, 2, null, null))),
            "USDT", new Coin("USDT", "TetherUS", List.of(new Network("ETH", "0.000001", "Ethereum (ERC20)",
                    EVM_ADDRESS, "3", "6", "10000000000", "0.01", 6, 64, 2,
                    "https://etherscan.io/address/", "0xdac17f958d2ee523a2206206994597c13d831ec7"))));

    /** A coin the account holds that the table lacks: named by its code, with no network to move it on. */
    static Coin of(String asset) {
        Coin known = KNOWN.get(asset);
        return known != null ? known : new Coin(asset, asset, List.of());
    }
}
