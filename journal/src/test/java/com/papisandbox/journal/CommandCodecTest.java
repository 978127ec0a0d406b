package com.papisandbox.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.papisandbox.engine.Command;
import com.papisandbox.engine.OrderType;
import com.papisandbox.engine.PositionSide;
import com.papisandbox.engine.Side;
import com.papisandbox.engine.StrategyType;
import com.papisandbox.engine.WorkingType;
import com.papisandbox.engine.TimeInForce;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of command survives the journal: a new Command without a codec entry fails here. */
class CommandCodecTest {
    /** One sample of every command, with values that exercise each field. */
    static final List<Command> SAMPLES = List.of(
            new Command.OpenAccount("key", "secret", Map.of("BTC", new BigDecimal("1.5"), "USDT", new BigDecimal("0.00000001"))),
            new Command.PlaceOrder(3, "BTCUSD_PERP", Side.SELL, OrderType.LIMIT, TimeInForce.GTX, PositionSide.SHORT, false,
                    650_001, 7, "cid"),
            new Command.PlaceOrder(3, "BTCUSD_PERP", Side.BUY, OrderType.MARKET, null, PositionSide.BOTH, true, 0, 1, "m"),
            new Command.PlaceOrder(3, "BTCUSD_PERP", Side.BUY, OrderType.LIMIT, TimeInForce.GTC, PositionSide.LONG, false, true,
                    650_001, 1, "sent-false"),
            new Command.CancelOrder(3, "BTCUSD_PERP", -1, "cid"),
            new Command.CancelOrder(3, "BTCUSD_PERP", 100_000_001, null),
            new Command.CancelAllOrders(3, "ETHUSD_PERP"),
            new Command.ModifyOrder(3, "BTCUSD_PERP", 100_000_002, null, Side.BUY, 650_002, 9),
            new Command.ModifyOrder(3, "BTCUSD_PERP", -1, "cid", Side.SELL, 650_003, 2),
            new Command.SetPrices("BTCUSD_PERP", 6_500_012_345_678L, 6_499_000_000_000L),
            new Command.SetFundingRate("BTCUSD_PERP", -12_345),
            new Command.SetLeverage(2, "ETHUSD_PERP", 75),
            new Command.SetPositionMode(2, true),
            new Command.SetCommissionRates(2, -5_000, 40_000),
            new Command.Transfer(2, "BTC", -123_456_789),
            new Command.Tick(),
            new Command.ReplaceState(""),
            new Command.Print("BTCUSD_PERP", 650_000, 3),
            new Command.ReplaceState("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"),
            new Command.Requote("BTCUSD_PERP", 650_001),
            new Command.ConfigureHouse(7, 20, 100, 100),
            new Command.ConfigureHouse(0, 0, 0, 0),
            new Command.PlaceStrategy(3, "BTCUSD_PERP", Side.BUY, PositionSide.BOTH, StrategyType.STOP, TimeInForce.GTC, 2,
                    true, true, 650_000, WorkingType.MARK_PRICE, true, "my-strategy", 651_000, 0, 0),
            new Command.PlaceStrategy(3, "BTCUSD_PERP", Side.SELL, PositionSide.LONG, StrategyType.TRAILING_STOP_MARKET,
                    TimeInForce.IOC, 1, false, false, 0, WorkingType.CONTRACT_PRICE, false, "trail", 0, 660_000, 25),
            new Command.CancelStrategy(3, "BTCUSD_PERP", 1_000_001, null),
            new Command.CancelStrategy(3, "ETHUSD_PERP", -1, "my-strategy"),
            new Command.CancelAllStrategies(3, "BTCUSD_PERP"));

    @Test
    void everyCommandRoundTrips() {
        for (Command command : SAMPLES) {
            assertThat(CommandCodec.decode(CommandCodec.encode(command))).as(command.toString()).isEqualTo(command);
        }
    }

    @Test
    void everyPermittedCommandHasASample() {
        assertThat(SAMPLES.stream().map(Object::getClass).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(Command.class.getPermittedSubclasses()));
    }
}
