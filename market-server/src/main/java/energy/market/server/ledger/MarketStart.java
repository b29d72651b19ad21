package energy.market.server.ledger;

import energy.market.server.clock.Pace;
import java.time.Instant;

/**
 * One start of the market on a ledger, with the settings that may change from one start to the next
 * (the ledger keeps a row per start).
 *
 * @param startedAt when the market started
 * @param firstDay the first day this start runs
 * @param pace the pace of days
 * @param lastDay the last day to run; {@link Long#MAX_VALUE} for no end
 * @param maxConcurrentTrades the limit on simultaneous trades
 * @param tradeQueue how many trades may wait
 */
public record MarketStart(
    Instant startedAt,
    long firstDay,
    Pace pace,
    long lastDay,
    int maxConcurrentTrades,
    int tradeQueue) {}
