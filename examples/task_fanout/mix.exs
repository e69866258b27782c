defmodule TaskFanout.MixProject do
  use Mix.Project

  def project do
    [
      app: :task_fanout,
      version: "0.1.0",
      elixir: "~> 1.14",
      deps: [{:atomvm_mix, path: "../..", runtime: false}],
      atomvm: [start: TaskFanout]
    ]
  end

  def application, do: []
end
