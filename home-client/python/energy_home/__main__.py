"""python3 -m energy_home: one home of the energy market, in Python. --help lists every option."""

import argparse
import importlib
import importlib.util
import os
import sys
import tempfile

import grpc

from . import contract, secret
from .home import POLICIES, Home, SessionEnded
from .tally import FIELDS

MAX_WH = 1_000_000_000  # the most the market accepts for any amount (energy.market.model.Energy)


class OneLineParser(argparse.ArgumentParser):
    """Bad options are one line and exit code 2, as for every command of the project."""

    def error(self, message):
        self.exit(2, "energy_home: %s (see python3 -m energy_home --help)\n" % message)


def wh_range(text):
    try:
        low, high = (int(part) for part in text.split(".."))
    except ValueError:
        raise argparse.ArgumentTypeError("%r is not MIN..MAX in Wh" % text)
    if not 0 <= low <= high <= MAX_WH:
        raise argparse.ArgumentTypeError(
            "%r is not allowed; use 0 <= MIN <= MAX <= %d Wh" % (text, MAX_WH))
    return low, high


def positive(text, allow_zero=True):
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("%r is not a whole number" % text)
    if value < 0 or (value == 0 and not allow_zero):
        raise argparse.ArgumentTypeError("%r is out of range" % text)
    return value


def parser():
    p = OneLineParser(
        prog="python3 -m energy_home",
        description="One home of the energy market: registers, follows its session, declares, "
                    "gives or claims, trades, keeps its own tally and checks it against its "
                    "account at the end.")
    p.add_argument("--market", default="127.0.0.1:50051", metavar="HOST:PORT",
                   help="the market's address (default: %(default)s)")
    p.add_argument("--name", required=True,
                   help="the home's name: 1 to 64 letters, digits, '-', '_' or '.'")
    p.add_argument("--policy", choices=sorted(POLICIES), default="sell-if-no-takers",
                   help="what the home does with its surplus (default: %(default)s)")
    p.add_argument("--secret-file", metavar="FILE",
                   help="the file holding the home's secret, created (mode 0600) when missing "
                        "(default: ./NAME.secret)")
    p.add_argument("--registration-token-file", metavar="FILE",
                   help="the registration token, for a market run with --registration token")
    p.add_argument("--tls-ca", metavar="PEM",
                   help="speak TLS, trusting the market's certificate from this CA "
                        "(default: plaintext)")
    p.add_argument("--days", type=positive, default=0,
                   help="stop after taking part in N days; 0 runs until the market stops "
                        "(default: %(default)s)")
    p.add_argument("--seed", type=int, default=1,
                   help="seed of the home's production and consumption draws (default: "
                        "%(default)s)")
    p.add_argument("--production-wh", type=wh_range, default=(20_000, 80_000), metavar="MIN..MAX",
                   help="range of a day's production, Wh (default: 20000..80000)")
    p.add_argument("--consumption-wh", type=wh_range, default=(6_000, 60_000), metavar="MIN..MAX",
                   help="range of a day's consumption, Wh (default: 6000..60000)")
    p.add_argument("--strategy", default="energy_home.strategy:decide", metavar="FILE.py:FUNC",
                   help="the decide function: a module or a .py file, then its name "
                        "(default: %(default)s)")
    p.add_argument("--stubs-dir", metavar="DIR",
                   help="where the generated stubs are, or are generated when missing "
                        "(default: a new temporary directory)")
    p.add_argument("--proto-dir", default=contract.DEFAULT_PROTO_ROOT, metavar="DIR",
                   help="the directory holding energy/market/v1/*.proto (default: the "
                        "repository's proto/src/main/proto)")
    p.add_argument("--deadline", type=float, default=10.0, metavar="SECONDS",
                   help="deadline of each unary call (default: %(default)s)")
    p.add_argument("--reconnect-seconds", type=float, default=60.0, metavar="SECONDS",
                   help="how long to try again when the market is away (default: %(default)s)")
    p.add_argument("--no-account", action="store_true",
                   help="do not read the account (GetAccount) at the end to compare it with the "
                        "tally")
    return p


def load_strategy(spec):
    where, _, name = spec.rpartition(":")
    if not where or not name:
        raise SystemExit("energy_home: --strategy %r is not MODULE:FUNCTION or FILE.py:FUNCTION"
                         % spec)
    if where.endswith(".py"):
        loader = importlib.util.spec_from_file_location("strategy_under_test", where)
        if loader is None or not os.path.isfile(where):
            raise SystemExit("energy_home: no strategy file %s" % where)
        module = importlib.util.module_from_spec(loader)
        loader.loader.exec_module(module)
    else:
        module = importlib.import_module(where)
    if not callable(getattr(module, name, None)):
        raise SystemExit("energy_home: %s has no function %s" % (where, name))
    return getattr(module, name)


def channel(options):
    if options.tls_ca:
        with open(options.tls_ca, "rb") as ca:
            credentials = grpc.ssl_channel_credentials(root_certificates=ca.read())
        return grpc.secure_channel(options.market, credentials)
    return grpc.insecure_channel(options.market)


def main(argv=None):
    options = parser().parse_args(argv)
    try:
        decide = load_strategy(options.strategy)
        options.registration_token = None
        if options.registration_token_file:
            with open(options.registration_token_file) as token:
                options.registration_token = token.read().strip()
        # Last: the secret file is made only when everything else is right.
        options.secret = secret.load_or_create(options.secret_file or options.name + ".secret")
    except OSError as e:
        # A file an option names that cannot be read or made: bad input, one line, exit 2.
        print("energy_home: %s: %s" % (e.filename, e.strerror), file=sys.stderr)
        return 2
    except SystemExit as e:
        print(e.code, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="energy-home-stubs-") as scratch:
        stubs = contract.load(options.stubs_dir or scratch, options.proto_dir)
        return run(options, stubs, decide)


def run(options, stubs, decide):
    with channel(options) as market:
        home = Home(stubs, market, options, decide)
        try:
            home.register()
            home.run()
        except SessionEnded as e:
            print("energy_home: the market ended the session: %s" % e, file=sys.stderr)
            return 1
        except grpc.RpcError as e:
            print("energy_home: %s: %s" % (e.code().name, e.details()), file=sys.stderr)
            return 1
        print(home.tally.line("tally home=%d" % home.home_id), flush=True)
        if options.no_account:
            return 0
        account = home.account()
        print(home.tally.line("account home=%d" % home.home_id,
                              {field: getattr(account, field) for field in FIELDS}), flush=True)
        differs = home.tally.differences(account)
        if differs:
            print("energy_home: the tally differs from the account in " + ", ".join(differs),
                  file=sys.stderr)
            return 1
        print("the tally equals the account", flush=True)
        return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
