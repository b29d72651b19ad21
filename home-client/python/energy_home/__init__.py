"""A home of the energy market, in Python: speaks the gRPC contract from stubs generated from the
project's .proto files, and takes its trading decisions from one replaceable function."""
