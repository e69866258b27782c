defmodule CounterSupervisor.MixProject do
  use Mix.Project

  def project do
    [
      app: :counter_supervisor,
      version: "0.1.0",
      elixir: "~> 1.14",
      deps: [{:atomvm_mix, path: "../..", runtime: false}],
      atomvm: [start: CounterSupervisor]
    ]
  end

  def application, do: [env: [step: 1]]
end
