import Config

# Read with Application.get_env/2 by CounterSupervisor.Counter, on the host VM and
# on the BEAM alike.
config :counter_supervisor, step: 5
