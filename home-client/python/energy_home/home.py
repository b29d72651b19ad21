"""One home following its session: FollowSession for the day phases, unary calls to act.

Each day: nothing in OPEN; in GIFT declare the day's production and consumption, offer or claim
gifts as the strategy decides, and say the phase is done; in TRADE sell or buy as the strategy
decides, and say it is done; nothing in CLOSE but the tally. FinishPhase only spares the market its
wait for the phase's deadline.
"""

import random
import sys
import time

import grpc

from .strategy import DayInfo
from .tally import Tally

POLICIES = {"always-sell": "TRADE_POLICY_ALWAYS_SELL",
            "always-give": "TRADE_POLICY_ALWAYS_GIVE",
            "sell-if-no-takers": "TRADE_POLICY_SELL_IF_NO_TAKERS"}

# Worth another try with the same request: the market was away or full, or the reply was lost.
RETRIED = {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.RESOURCE_EXHAUSTED,
           grpc.StatusCode.DEADLINE_EXCEEDED}


class SessionEnded(Exception):
    """The market ended the session for good (its home was taken over or dropped)."""


class Home:
    def __init__(self, contract, channel, options, decide, out=sys.stdout):
        self.c = contract
        self.market = contract.market_grpc.MarketStub(channel)
        self.gifts = contract.gift_broker_grpc.GiftBrokerStub(channel)
        self.options = options
        self.decide = decide
        self.out = out
        self.tally = Tally()
        self.home_id = 0
        self.first_day = 0
        self.metadata = (("authorization", "Home " + options.secret),)
        self.today = {}

    # --- calls -------------------------------------------------------------------------------

    def _call(self, method, request, metadata=None, retries=0):
        """A unary call with a deadline; retried with backoff on the codes worth retrying."""
        pause = 0.2
        for attempt in range(retries + 1):
            try:
                return method(request, timeout=self.options.deadline,
                              metadata=self.metadata if metadata is None else metadata)
            except grpc.RpcError as e:
                if e.code() not in RETRIED or attempt == retries:
                    raise
                time.sleep(pause)  # backoff before a retry, not a wait for a state
                pause = min(5.0, pause * 2)

    def _try(self, what, method, request, retries=0):
        """A call whose refusal is reported in one line and skipped; returns None when refused."""
        try:
            return self._call(method, request, retries=retries)
        except grpc.RpcError as e:
            print("energy_home: %s refused: %s: %s" % (what, e.code().name, e.details()),
                  file=sys.stderr)
            return None

    def register(self):
        """Registers (idempotent: the same name and secret always get the same home)."""
        request = self.c.market.RegisterRequest(
            name=self.options.name, policy=POLICIES[self.options.policy],
            secret=self.options.secret)
        metadata = ()
        if self.options.registration_token:
            metadata = (("authorization", "Registration " + self.options.registration_token),)
        reply = self._call(self.market.Register, request, metadata=metadata, retries=10)
        self.home_id = reply.home_id
        print("registered %s as home %d (%s), first day %d" % (
            self.options.name, reply.home_id, "resumed" if reply.resumed else "new",
            reply.first_day), file=self.out, flush=True)
        return reply

    def account(self):
        return self._call(self.market.GetAccount,
                          self.c.market.GetAccountRequest(home_id=self.home_id), retries=5)

    # --- the session ---------------------------------------------------------------------------

    def run(self):
        """Follows the session until --days days closed (or the market ends it)."""
        reconnect_until = None
        while True:
            stream = self.market.FollowSession(
                self.c.market.FollowSessionRequest(home_id=self.home_id), metadata=self.metadata)
            try:
                for event in stream:
                    reconnect_until = None
                    if self._on(event):
                        stream.cancel()
                        return
                return  # the market ended the stream: it stopped
            except grpc.RpcError as e:
                if e.code() == grpc.StatusCode.ABORTED:
                    raise SessionEnded(e.details())
                if e.code() != grpc.StatusCode.UNAVAILABLE:
                    raise
                now = time.monotonic()
                reconnect_until = reconnect_until or now + self.options.reconnect_seconds
                if now > reconnect_until:
                    raise
                print("energy_home: market unavailable; reconnecting", file=sys.stderr)
                time.sleep(1.0)  # backoff before reconnecting

    def _on(self, event):
        """Handles one session event; True once the home has had its days."""
        kind = event.WhichOneof("kind")
        if kind == "welcome":
            self.first_day = event.welcome.first_day
        elif kind == "phase_started":
            started = event.phase_started
            if started.day >= self.first_day:
                phase = self.c.common.Phase.Name(started.phase)
                if phase == "PHASE_GIFT":
                    self._gift(started)
                elif phase == "PHASE_TRADE":
                    self._trade(started)
        elif kind == "gift_results":
            for result in event.gift_results.results:
                if result.home_id == self.home_id and \
                        self.tally.declared_day() == event.gift_results.day:
                    self.tally.gifts(result.given_wh, result.received_wh)
        elif kind == "balances":
            for balance in event.balances.balances:
                mine = self.tally.totals["balance_micro_eur"]
                if balance.home_id == self.home_id and balance.balance_micro_eur != mine \
                        and self.tally.totals["days"] > 0:
                    print("energy_home: the market holds a balance of %d micro-EUR, the tally %d "
                          "(results missed while away)" % (balance.balance_micro_eur, mine),
                          file=sys.stderr)
        elif kind == "day_closed":
            return self._closed(event.day_closed)
        return False

    def _draw(self, day):
        """The day's production and consumption: seeded by --seed and the day, so a run repeats."""
        draws = random.Random("%d/%s/%d" % (self.options.seed, self.options.name, day))
        produced = draws.randint(*self.options.production_wh)
        consumed = draws.randint(*self.options.consumption_wh)
        return produced, consumed

    def _info(self, started, phase, **limits):
        t = self.today
        return DayInfo(day=started.day, phase=phase, policy=self.options.policy,
                       price_micro_eur_per_kwh=started.price_micro_eur_per_kwh,
                       temperature_celsius=started.temperature_celsius,
                       produced_wh=t["produced"], consumed_wh=t["consumed"],
                       surplus_wh=t["surplus"], deficit_wh=t["deficit"],
                       given_wh=limits.get("given", 0), received_wh=limits.get("received", 0),
                       may_offer_wh=limits.get("offer", 0), may_claim_wh=limits.get("claim", 0),
                       may_sell_wh=limits.get("sell", 0), may_buy_wh=limits.get("buy", 0))

    def _gift(self, started):
        day = started.day
        produced, consumed = self._draw(day)
        declared = self._try("DeclareDay", self.market.DeclareDay, self.c.market.DeclareDayRequest(
            home_id=self.home_id, day=day, produced_wh=produced, consumed_wh=consumed))
        if declared is not None:
            self.tally.declared(day, produced, consumed)
            surplus, deficit = max(0, produced - consumed), max(0, consumed - produced)
            self.today = {"produced": produced, "consumed": consumed, "surplus": surplus,
                          "deficit": deficit}
            gives = self.options.policy != "always-sell"
            decision = self.decide(self._info(started, "GIFT", offer=surplus if gives else 0,
                                              claim=deficit))
            if decision.offer_wh > 0:
                self._try("Offer", self.gifts.Offer, self.c.gift_broker.OfferRequest(
                    home_id=self.home_id, day=day, amount_wh=decision.offer_wh))
            if decision.claim_wh > 0:
                self._try("Claim", self.gifts.Claim, self.c.gift_broker.ClaimRequest(
                    home_id=self.home_id, day=day, amount_wh=decision.claim_wh))
        self._finish(day, "PHASE_GIFT")

    def _trade(self, started):
        day = started.day
        if self.tally.declared_day() == day:
            given, received = self.tally.today("given_wh"), self.tally.today("received_wh")
            sells = self.options.policy != "always-give"
            sell = self.today["surplus"] - given if sells else 0
            buy = self.today["deficit"] - received
            decision = self.decide(self._info(started, "TRADE", given=given, received=received,
                                              sell=sell, buy=buy))
            for side, amount in (("SELL", decision.sell_wh), ("BUY", decision.buy_wh)):
                if amount > 0:
                    self._trade_once(day, side, amount)
        self._finish(day, "PHASE_TRADE")

    def _trade_once(self, day, side, amount):
        # The request id makes a retry after a lost reply count once: the market answers a replay
        # with the first receipt.
        request = self.c.market.TradeRequest(
            home_id=self.home_id, day=day, side="TRADE_SIDE_" + side, amount_wh=amount,
            request_id="%s-%d-%s" % (self.options.name, day, side.lower()))
        receipt = self._try("Trade " + side.lower(), self.market.Trade, request, retries=5)
        if receipt is not None:
            self.tally.traded(side == "SELL", receipt.amount_wh, receipt.money_micro_eur)

    def _finish(self, day, phase):
        self._try("FinishPhase", self.market.FinishPhase, self.c.market.FinishPhaseRequest(
            home_id=self.home_id, day=day, phase=phase))

    def _closed(self, tick):
        declared = self.tally.declared_day()
        # A declared day is settled at its close even if some result was missed while away: the
        # market settles it too.
        settled = self.tally.closed() if declared is not None and declared <= tick.day else None
        if settled is None:
            return False
        print("day %d: price %d, produced %d Wh, consumed %d, given %d, received %d, sold %d, "
              "bought %d, wasted %d, shortfall %d; balance %d micro-EUR" % (
                  tick.day, tick.traded_price_micro_eur_per_kwh, settled["produced_wh"],
                  settled["consumed_wh"], settled["given_wh"], settled["received_wh"],
                  settled["sold_wh"], settled["bought_wh"], settled["wasted_wh"],
                  settled["shortfall_wh"], self.tally.totals["balance_micro_eur"]),
              file=self.out, flush=True)
        return 0 < self.options.days <= self.tally.totals["days"]
