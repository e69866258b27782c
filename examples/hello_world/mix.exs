defmodule HelloWorld.MixProject do
  use Mix.Project

  def project do
    [
      app: :hello_world,
      version: "0.1.0",
      elixir: "~> 1.14",
      deps: deps(),
      atomvm: [start: HelloWorld]
    ]
  end

  def application, do: []

  defp deps do
    # A build tool: `runtime: false` keeps it off the device.
    [{:atomvm_mix, path: "../..", runtime: false}]
  end
end
