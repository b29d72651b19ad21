package energy.market.launcher.model;

/**
 * An event moving the price on a day.
 *
 * @param id the event's unique id
 * @param kind the kind's label, for example {@code storm}
 * @param startDay the first day whose close it moved
 * @param remainingDays days it still lasts after this one
 * @param effectMicro its contribution to the price, micro-EUR/kWh, signed
 */
public record EventInfo(
    String id, String kind, long startDay, int remainingDays, long effectMicro) {}
