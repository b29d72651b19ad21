package energy.market.server.day;

import energy.market.model.Side;

/**
 * An executed trade.
 *
 * @param tradeId the market's id for it
 * @param homeId the home
 * @param day the day
 * @param side buy or sell
 * @param amountWh energy, Wh
 * @param priceMicro price, micro-EUR/kWh
 * @param moneyMicro money paid (buy) or earned (sell), micro-EUR
 * @param requestId the client's id, which makes a retry count once
 */
public record TradeRecord(
    long tradeId,
    long homeId,
    long day,
    Side side,
    long amountWh,
    long priceMicro,
    long moneyMicro,
    String requestId) {}
