# The Mix compiler that builds the Rust NIF (and the cargo helpers it shares with
# `mix atomvm.run`) must exist before `lib/` is compiled, so they live outside `lib/`
# and are loaded here.
Code.require_file("mix/atomvm_cargo.ex", __DIR__)
Code.require_file("mix/tasks/compile.atomvm_native.ex", __DIR__)

defmodule AtomVM.MixProject do
  use Mix.Project

  def project do
    [
      app: :atomvm_mix,
      version: "0.1.0",
      elixir: "~> 1.14",
      compilers: [:atomvm_native | Mix.compilers()],
      start_permanent: false,
      deps: [],
      elixirc_paths: elixirc_paths(Mix.env()),
      elixirc_options: [warnings_as_errors: true],
      test_coverage: [ignore_modules: [Mix.Tasks.Compile.AtomvmNative]],
      description: "Build, pack, run and flash AtomVM applications from Mix."
    ]
  end

  defp elixirc_paths(:test), do: ["lib", "test/support"]
  defp elixirc_paths(_), do: ["lib"]

  def application do
    # OTP applications the firmware download uses (never packed: atomvm_mix is a
    # `runtime: false` dependency).
    [extra_applications: [:crypto, :inets, :ssl, :public_key]]
  end
end
