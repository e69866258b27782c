defmodule HelloErlang.MixProject do
  use Mix.Project

  # An Erlang program built by Mix alone (no rebar): Mix compiles `src/*.erl`.
  def project do
    [
      app: :hello_erlang,
      version: "0.1.0",
      elixir: "~> 1.14",
      deps: [{:atomvm_mix, path: "../..", runtime: false}],
      atomvm: [start: :hello_erlang]
    ]
  end

  def application, do: []
end
