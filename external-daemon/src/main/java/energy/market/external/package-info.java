/**
 * The external-events daemon: real POSIX signals sent to this process become market events,
 * reported to the market over gRPC in order and retried until acknowledged. In random mode the
 * daemon draws each day's events from a seeded stream and raises the same real signals on itself,
 * so random and manual events travel the same path.
 *
 * <p>Domain classes ({@link energy.market.external.EventCatalog}, {@link
 * energy.market.external.Outbox}, {@link energy.market.external.RandomDays}, {@link
 * energy.market.external.EventIntake}, {@link energy.market.external.RandomMode}) know neither gRPC
 * nor the generated types; {@link energy.market.external.client.GrpcEventReporter} and {@link
 * energy.market.external.OpenPhaseHandler} adapt them to the contract, and {@link
 * energy.market.external.SignalEvents} adapts the operating system's signals.
 */
package energy.market.external;
