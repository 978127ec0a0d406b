package com.papisandbox.server;

import com.papisandbox.engine.Command;
import com.papisandbox.engine.OrderType;
import com.papisandbox.engine.PositionSide;
import com.papisandbox.engine.Side;
import com.papisandbox.engine.StrategyType;
import com.papisandbox.engine.WorkingType;
import com.papisandbox.engine.TimeInForce;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A seeded stream of realistic commands: three accounts trading two symbols in a narrow band, with cancels and modifies. */
final class Workload {
    private final Random random;
    private long placed;
    private long strategies;

    Workload(long seed) {
        this.random = new Random(seed);
    }

    List<Command> accounts() {
        List<Command> commands = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            // ETH too: since the engine's ledger, ETHUSD_PERP orders need ETH margin
            commands.add(new Command.OpenAccount("key" + i, "secret" + i, Map.of("BTC", new BigDecimal("10"), "ETH", new BigDecimal("100"))));
        }
        return commands;
    }

    /** A conditional order in the band, on the last price (the mark is never set): many trigger, some at once (-2021). */
    private Command strategy(long account, String symbol, boolean btc) {
        strategies++;
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long price = btc ? 600_000 + random.nextInt(40) : 300_000 + random.nextInt(400);
        int kind = random.nextInt(4);
        StrategyType type = kind == 0 ? StrategyType.STOP : kind == 1 ? StrategyType.STOP_MARKET
                : kind == 2 ? StrategyType.TAKE_PROFIT_MARKET : StrategyType.TRAILING_STOP_MARKET;
        boolean trailing = type == StrategyType.TRAILING_STOP_MARKET;
        return new Command.PlaceStrategy(account, symbol, side, PositionSide.BOTH, type, TimeInForce.GTC, 1 + random.nextInt(3), false, false,
                type == StrategyType.STOP ? price : 0, WorkingType.CONTRACT_PRICE, false, "s" + strategies, trailing ? 0 : price, 0,
                trailing ? 1 : 0);
    }

    Command next() {
        long account = 1 + random.nextInt(3);
        boolean btc = random.nextBoolean();
        String symbol = btc ? "BTCUSD_PERP" : "ETHUSD_PERP";
        int roll = random.nextInt(10);
        if (roll < 3 && placed > 0) {
            long orderId = 100_000_000L + (long) (random.nextDouble() * placed);
            return new Command.CancelOrder(account, symbol, orderId, null);
        }
        if (roll == 3 && random.nextInt(20) == 0) {
            return new Command.CancelAllOrders(account, symbol);
        }
        if (roll == 4 && placed > 0) {
            // by client id, so some hit a live order of the account; the price may cross and take
            String clientOrderId = "w" + (1 + (long) (random.nextDouble() * placed));
            long price = btc ? 600_000 + random.nextInt(40) : 300_000 + random.nextInt(400);
            return new Command.ModifyOrder(account, symbol, -1, clientOrderId, random.nextBoolean() ? Side.BUY : Side.SELL,
                    price, 1 + random.nextInt(5));
        }
        if (roll == 5 && random.nextInt(3) == 0) return strategy(account, symbol, btc);
        if (roll == 6 && random.nextInt(6) == 0 && strategies > 0) {
            return new Command.CancelStrategy(account, symbol, 1_000_000L + (long) (random.nextDouble() * strategies), null);
        }
        placed++;
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long price = btc ? 600_000 + random.nextInt(40) : 300_000 + random.nextInt(400);
        TimeInForce tif = random.nextInt(8) == 0 ? TimeInForce.IOC : TimeInForce.GTC;
        boolean market = random.nextInt(25) == 0;
        return new Command.PlaceOrder(account, symbol, side, market ? OrderType.MARKET : OrderType.LIMIT, market ? null : tif,
                PositionSide.BOTH, false, market ? 0 : price, 1 + random.nextInt(5), "w" + placed);
    }
}
