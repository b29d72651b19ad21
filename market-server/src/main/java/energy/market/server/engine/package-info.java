/**
 * The market itself. {@link energy.market.server.engine.MarketEngine} is the façade the transport
 * edge calls; behind it each part does one job: the market thread that confines state changes, the
 * lobby and the session table, registrations, the homes' GIFT intake, the trade desk, the
 * operator's inputs, the day cycle that the clock drives, the gift round and the day's settlement
 * (pure functions of the day), and the read side.
 */
package energy.market.server.engine;
