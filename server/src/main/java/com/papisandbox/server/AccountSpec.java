package com.papisandbox.server;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An account to open at start-up: {@code API_KEY:SECRET[:ASSET=AMOUNT,...]}, or with an RSA key
 * {@code API_KEY:rsa=PUBLIC_KEY.pem[:ASSET=AMOUNT,...]}.
 */
public record AccountSpec(String apiKey, String credential, Map<String, BigDecimal> balances) {
    /** What the demo account and an {@code --account} without balances start with: enough to trade at once. */
    public static final Map<String, BigDecimal> DEFAULT_BALANCES = Map.of("BTC", new BigDecimal("10"), "ETH", new BigDecimal("100"));


    public AccountSpec {
        balances = Map.copyOf(balances);
    }

    public static AccountSpec parse(String flag) {
        String[] parts = flag.split(":", 3);
        if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException("--account must be API_KEY:SECRET[:ASSET=AMOUNT,...], got '" + flag + "'");
        }
        if (!parts[0].matches("[A-Za-z0-9_\\-]{1,128}")) {
            throw new IllegalArgumentException("API key '" + parts[0] + "' must be 1-128 characters of A-Z a-z 0-9 _ -");
        }
        String credential = parts[1];
        if (credential.startsWith("rsa=")) {
            Path pem = Path.of(credential.substring(4));
            try {
                credential = Files.readString(pem).trim();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read RSA public key " + pem + ": " + e.getMessage(), e);
            }
            Credential.Rsa.fromPem(credential);
        }
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        if (parts.length == 3 && !parts[2].isEmpty()) {
            for (String item : parts[2].split(",")) {
                String[] kv = item.split("=", 2);
                if (kv.length != 2 || !kv[0].matches("[A-Z0-9]{1,20}")) {
                    throw new IllegalArgumentException("balance must be ASSET=AMOUNT (e.g. BTC=10), got '" + item + "'");
                }
                try {
                    BigDecimal amount = new BigDecimal(kv[1]);
                    if (amount.signum() < 0) throw new NumberFormatException("negative");
                    balances.put(kv[0], amount);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("balance amount must be a non-negative decimal, got '" + kv[1] + "'");
                }
            }
        }
        return new AccountSpec(parts[0], credential, balances.isEmpty() ? DEFAULT_BALANCES : balances);
    }
}
