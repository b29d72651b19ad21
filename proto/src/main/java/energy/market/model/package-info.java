/** The market's vocabulary: phases, policies, trade sides, event kinds and exact units. */
package energy.market.model;
