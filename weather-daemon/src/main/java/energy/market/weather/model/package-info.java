/**
 * The weather domain: the seeded temperature model and the bounded history of published days. No
 * gRPC and no generated protocol types here, so everything is tested without a server.
 */
package energy.market.weather.model;
