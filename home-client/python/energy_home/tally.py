"""The home's own books, kept from what the market told it, to compare with GetAccount."""

FIELDS = ["days", "balance_micro_eur", "produced_wh", "consumed_wh", "given_wh", "received_wh",
          "sold_wh", "bought_wh", "wasted_wh", "shortfall_wh", "paid_micro_eur",
          "earned_micro_eur"]


class Tally:
    """Totals over the days the home declared, settled at each close as the market settles them:
    wasted = surplus - given - sold, shortfall = deficit - received - bought."""

    def __init__(self):
        self.totals = {field: 0 for field in FIELDS}
        self._today = None

    def declared(self, day, produced_wh, consumed_wh):
        self._today = {"day": day, "produced_wh": produced_wh, "consumed_wh": consumed_wh,
                       "given_wh": 0, "received_wh": 0, "sold_wh": 0, "bought_wh": 0,
                       "paid_micro_eur": 0, "earned_micro_eur": 0}

    def declared_day(self):
        """The day declared and not yet closed, or None."""
        return None if self._today is None else self._today["day"]

    def gifts(self, given_wh, received_wh):
        self._today["given_wh"] = given_wh
        self._today["received_wh"] = received_wh

    def traded(self, sell, amount_wh, money_micro_eur):
        if sell:
            self._today["sold_wh"] += amount_wh
            self._today["earned_micro_eur"] += money_micro_eur
        else:
            self._today["bought_wh"] += amount_wh
            self._today["paid_micro_eur"] += money_micro_eur

    def today(self, key):
        return self._today[key]

    def closed(self):
        """Adds the declared day to the totals; returns the day's figures (None if none)."""
        day, self._today = self._today, None
        if day is None:
            return None
        surplus = max(0, day["produced_wh"] - day["consumed_wh"])
        deficit = max(0, day["consumed_wh"] - day["produced_wh"])
        day["wasted_wh"] = surplus - day["given_wh"] - day["sold_wh"]
        day["shortfall_wh"] = deficit - day["received_wh"] - day["bought_wh"]
        for field in FIELDS:
            if field in day:
                self.totals[field] += day[field]
        self.totals["days"] += 1
        self.totals["balance_micro_eur"] = (self.totals["earned_micro_eur"]
                                            - self.totals["paid_micro_eur"])
        return day

    def line(self, label, values=None):
        """One greppable line: label, then field=value for every field."""
        values = self.totals if values is None else values
        return label + " " + " ".join("%s=%d" % (field, values[field]) for field in FIELDS)

    def differences(self, account):
        """The fields where an Account message differs from the tally."""
        return [field for field in FIELDS if getattr(account, field) != self.totals[field]]
