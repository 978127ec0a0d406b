package com.papisandbox.server.admin;

import com.papisandbox.engine.Account;
import com.papisandbox.engine.Command;
import com.papisandbox.engine.Money;
import com.papisandbox.engine.Result;
import com.papisandbox.server.AccountSpec;
import com.papisandbox.server.ApiKeys;
import com.papisandbox.server.Credential;
import com.papisandbox.server.RandomText;
import com.papisandbox.server.market.HouseAccount;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The admin API's account operations: open accounts with keys at run time, move their money, set their fees. */
final class AccountTasks {
    private static final Pattern API_KEY = Pattern.compile("[A-Za-z0-9_\\-]{1,128}");
    private static final Pattern SECRET = Pattern.compile("[\\x21-\\x7e]{1,256}");
    private static final Pattern ASSET = Pattern.compile("[A-Z0-9]{1,20}");

    private final EngineCalls engine;
    private final ApiKeys apiKeys;

    AccountTasks(EngineCalls engine, ApiKeys apiKeys) {
        this.engine = engine;
        this.apiKeys = apiKeys;
    }

    SandboxAdmin.CreatedAccount create(SandboxAdmin.NewAccount spec) {
        String apiKey = spec.apiKey() == null ? "sbx" + RandomText.alphanumeric(60) : spec.apiKey();
        if (!API_KEY.matcher(apiKey).matches()) throw AdminException.badRequest("apiKey must be 1-128 characters of A-Z a-z 0-9 _ -");
        if (HouseAccount.reserved(apiKey)) throw AdminException.conflict("ACCOUNT_EXISTS", "the API key " + apiKey + " is reserved for the sandbox's own accounts");
        if (spec.secret() != null && spec.rsaPublicKey() != null) throw AdminException.badRequest("send secret or rsaPublicKey, not both");
        String secret = null;
        String credential;
        if (spec.rsaPublicKey() != null) {
            credential = spec.rsaPublicKey().trim();
            try {
                Credential.Rsa.fromPem(credential);
            } catch (IllegalArgumentException e) {
                throw AdminException.badRequest("rsaPublicKey is not an RSA public key in PEM: " + e.getMessage());
            }
        } else {
            secret = spec.secret() == null ? RandomText.alphanumeric(64) : spec.secret();
            if (!SECRET.matcher(secret).matches()) throw AdminException.badRequest("secret must be 1-256 printable ASCII characters without spaces");
            credential = secret;
        }
        Map<String, BigDecimal> balances = spec.balances() == null ? AccountSpec.DEFAULT_BALANCES : spec.balances();
        for (Map.Entry<String, BigDecimal> b : balances.entrySet()) {
            if (!ASSET.matcher(b.getKey()).matches()) throw AdminException.badRequest("asset '" + b.getKey() + "' must be 1-20 of A-Z 0-9");
            if (b.getValue() == null || b.getValue().signum() < 0) throw AdminException.badRequest("balance of " + b.getKey() + " must be 0 or more");
        }
        Command.OpenAccount open;
        try {
            open = new Command.OpenAccount(apiKey, credential, balances);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw AdminException.badRequest("balances: " + e.getMessage());
        }
        Result result = engine.submit(open);
        if (!(result instanceof Result.AccountOpened opened)) throw AdminTasks.refused(result);
        if (!opened.created()) throw AdminException.conflict("ACCOUNT_EXISTS", "an account with API key " + apiKey + " exists");
        apiKeys.put(apiKey, opened.accountId(), Credential.parse(credential));
        return new SandboxAdmin.CreatedAccount(info(apiKey), secret);
    }

    List<SandboxAdmin.AccountInfo> list() {
        return engine.read(e -> {
            List<SandboxAdmin.AccountInfo> all = new ArrayList<>();
            for (Account account : e.accounts()) {
                if (!HouseAccount.reserved(account.apiKey())) all.add(view(account));
            }
            return all;
        });
    }

    SandboxAdmin.AccountInfo transfer(String apiKey, String asset, BigDecimal amount, boolean deposit) {
        if (asset == null || !ASSET.matcher(asset).matches()) throw AdminException.badRequest("asset must be 1-20 of A-Z 0-9");
        if (amount == null || amount.signum() <= 0) throw AdminException.badRequest("amount must be positive");
        long units;
        try {
            units = Money.coinUnits(amount);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw AdminException.badRequest("amount: " + e.getMessage());
        }
        long accountId = accountId(apiKey);
        Result result = engine.submit(new Command.Transfer(accountId, asset, deposit ? units : -units));
        if (result instanceof Result.Rejected) throw AdminTasks.refused(result);
        return info(apiKey);
    }

    SandboxAdmin.AccountInfo commission(String apiKey, BigDecimal maker, BigDecimal taker) {
        if (maker == null || taker == null) throw AdminException.badRequest("makerCommissionRate and takerCommissionRate are both needed");
        long makerUnits;
        long takerUnits;
        try {
            makerUnits = Money.rateUnits(maker);
            takerUnits = Money.rateUnits(taker);
        } catch (ArithmeticException e) {
            throw AdminException.badRequest("commission rates take at most 8 decimals");
        }
        Result result = engine.submit(new Command.SetCommissionRates(accountId(apiKey), makerUnits, takerUnits));
        if (result instanceof Result.Rejected) throw AdminTasks.refused(result);
        return info(apiKey);
    }

    private long accountId(String apiKey) {
        return info(apiKey).accountId();
    }

    private SandboxAdmin.AccountInfo info(String apiKey) {
        SandboxAdmin.AccountInfo info = engine.read(e -> {
            Account account = apiKey == null ? null : e.account(apiKey);
            return account == null || HouseAccount.reserved(apiKey) ? null : view(account);
        });
        if (info == null) throw AdminException.notFound("UNKNOWN_ACCOUNT", "no account has the API key " + apiKey);
        return info;
    }

    /** Engine thread. */
    private static SandboxAdmin.AccountInfo view(Account account) {
        String keyType = account.credential().startsWith(Credential.RSA_PREFIX) ? "RSA" : "HMAC";
        Map<String, BigDecimal> balances = new TreeMap<>(account.balances());
        return new SandboxAdmin.AccountInfo(account.apiKey(), account.accountId(), keyType,
                Money.rate(account.makerRate()).stripTrailingZeros(), Money.rate(account.takerRate()).stripTrailingZeros(),
                new LinkedHashMap<>(balances));
    }
}
