defmodule ProtocolParser.MixProject do
  use Mix.Project

  def project do
    [
      app: :protocol_parser,
      version: "0.1.0",
      elixir: "~> 1.14",
      deps: [{:atomvm_mix, path: "../..", runtime: false}],
      atomvm: [start: ProtocolParser]
    ]
  end

  def application, do: []
end
