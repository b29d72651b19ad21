"""The home's trading decision: the one function a researcher replaces.

decide(day) is called twice a day, once in GIFT and once in TRADE, with a DayInfo that says what
the home may do; it returns a Decision. In GIFT only offer_wh and claim_wh count; in TRADE only
sell_wh and buy_wh. The market refuses what a policy or the day's figures do not allow (an
always-sell home cannot offer; an always-give home cannot sell; nobody sells beyond surplus minus
given, or buys beyond deficit minus received): DayInfo's may_* fields are those limits, so a
decision within them is always accepted.

Write your own in a file of yours and run the home with --strategy my_strategy.py:decide.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class DayInfo:
    """What the home knows when it decides. Energy in Wh, price in micro-euros per kWh."""
    day: int
    phase: str  # "GIFT" or "TRADE"
    policy: str  # "always-sell", "always-give" or "sell-if-no-takers"
    price_micro_eur_per_kwh: int  # the price the day trades at
    temperature_celsius: float
    produced_wh: int
    consumed_wh: int
    surplus_wh: int  # max(0, produced - consumed)
    deficit_wh: int  # max(0, consumed - produced)
    given_wh: int  # TRADE only: the part of the offer neighbours took
    received_wh: int  # TRADE only: what the home received from neighbours
    may_offer_wh: int  # GIFT: the most the market accepts as an offer (0 unless the policy gives)
    may_claim_wh: int  # GIFT: the most the market accepts as a claim
    may_sell_wh: int  # TRADE: the most the market lets the home sell (0 unless the policy sells)
    may_buy_wh: int  # TRADE: the most the market lets the home buy


@dataclass(frozen=True)
class Decision:
    """What the home does in the phase; amounts in Wh, 0 for nothing."""
    offer_wh: int = 0
    claim_wh: int = 0
    sell_wh: int = 0
    buy_wh: int = 0


def decide(day: DayInfo) -> Decision:
    """The course project's homes: give or sell the whole surplus as the policy says, claim the
    whole deficit from gifts, then buy what is still missing and sell what nobody took."""
    if day.phase == "GIFT":
        return Decision(offer_wh=day.may_offer_wh, claim_wh=day.may_claim_wh)
    return Decision(sell_wh=day.may_sell_wh, buy_wh=day.may_buy_wh)
