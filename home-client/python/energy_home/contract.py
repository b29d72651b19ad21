"""The contract's Python stubs, generated from the project's .proto files when the home starts.

Nothing generated is kept in the repository: the .proto files are the one source. protoc writes
the message classes (--python_out) and grpc_python_plugin the service stubs (--grpc_python_out)
into a directory of the caller's choice, or a temporary one.
"""

import importlib
import os
import shutil
import subprocess
import sys

# home-client/python/energy_home -> the repository's proto/src/main/proto
DEFAULT_PROTO_ROOT = os.path.normpath(
    os.path.join(os.path.dirname(__file__), "..", "..", "..", "proto", "src", "main", "proto"))

PROTO_FILES = ["common", "market", "gift_broker", "events", "weather"]


class Contract:
    """The generated modules, by short name: pb (messages) and grpc (stubs) for each file."""

    def __init__(self, directory):
        if directory not in sys.path:
            sys.path.insert(0, directory)
        importlib.invalidate_caches()
        for name in PROTO_FILES:
            setattr(self, name, importlib.import_module("energy.market.v1.%s_pb2" % name))
        self.market_grpc = importlib.import_module("energy.market.v1.market_pb2_grpc")
        self.gift_broker_grpc = importlib.import_module("energy.market.v1.gift_broker_pb2_grpc")
        self.directory = directory


def generate(out_dir, proto_root=DEFAULT_PROTO_ROOT):
    """Runs protoc on the contract's files into out_dir; raises SystemExit with one clear line when
    a tool is missing or protoc fails."""
    sources = [os.path.join("energy", "market", "v1", name + ".proto") for name in PROTO_FILES]
    for source in sources:
        if not os.path.isfile(os.path.join(proto_root, source)):
            raise SystemExit("energy_home: no %s under %s (give --proto-dir, the directory that "
                             "holds energy/market/v1)" % (source, proto_root))
    os.makedirs(out_dir, exist_ok=True)
    protoc = shutil.which("protoc")
    plugin = shutil.which("grpc_python_plugin")
    if protoc and plugin:
        command = [protoc, "--plugin=protoc-gen-grpc_python=" + plugin]
    else:
        # pip's grpcio-tools brings both in one module, for those not on Debian.
        try:
            importlib.import_module("grpc_tools.protoc")
        except ImportError:
            raise SystemExit("energy_home: protoc and grpc_python_plugin are needed to generate the "
                             "stubs (Debian: apt-get install protobuf-compiler "
                             "protobuf-compiler-grpc)")
        command = [sys.executable, "-m", "grpc_tools.protoc"]
    command += ["-I", proto_root]
    if os.path.isdir("/usr/include/google/protobuf"):
        command += ["-I", "/usr/include"]
    command += ["--python_out=" + out_dir, "--grpc_python_out=" + out_dir] + sources
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit("energy_home: protoc failed: " + result.stderr.strip().replace("\n", "; "))
    return out_dir


def load(stubs_dir, proto_root=DEFAULT_PROTO_ROOT):
    """The contract's modules: from stubs_dir when it holds them already, else generated there."""
    if not os.path.isfile(os.path.join(stubs_dir, "energy", "market", "v1", "market_pb2.py")):
        generate(stubs_dir, proto_root)
    return Contract(stubs_dir)


if __name__ == "__main__":
    # python3 -m energy_home.contract OUT_DIR [PROTO_ROOT]: generate once, for tests or a look.
    if len(sys.argv) not in (2, 3):
        raise SystemExit("usage: python3 -m energy_home.contract OUT_DIR [PROTO_ROOT]")
    generate(sys.argv[1], *(sys.argv[2:]))
    print("stubs written to " + sys.argv[1])
