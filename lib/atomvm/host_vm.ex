defmodule AtomVM.HostVM do
  @moduledoc """
  The host VM executable (`atomvm`, the Rust crate in `vm/`): where it is, and
  building it with cargo when it is missing or older than its sources.

  The executable is `release/atomvm` under cargo's target directory. It is rebuilt
  when any file it is made from (`vm/`, the `avm_format` crate it shares with the NIF,
  the workspace's `Cargo.toml` and `Cargo.lock`) is newer. `ATOMVM_HOST_VM` names a
  prebuilt executable to use instead (nothing is built then).
  """

  @crate "atomvm_host"
  @sources [
    "Cargo.toml",
    "Cargo.lock",
    "vm/Cargo.toml",
    "vm/build.rs",
    "vm/src/**/*.rs",
    "vm/erlang/*.erl",
    "native/avm_format/Cargo.toml",
    "native/avm_format/src/**/*.rs"
  ]

  @doc "Where the executable is (whether or not it exists yet)."
  @spec path() :: Path.t()
  def path do
    System.get_env("ATOMVM_HOST_VM") ||
      Path.join([AtomVM.Cargo.target_dir(), "release", "atomvm"])
  end

  @doc "Whether the executable exists and is newer than its sources."
  @spec up_to_date?() :: boolean()
  def up_to_date? do
    case System.get_env("ATOMVM_HOST_VM") do
      nil -> AtomVM.Cargo.up_to_date?(path(), @sources)
      given -> File.regular?(given)
    end
  end

  @doc """
  Returns the executable's path, building it first (with a message saying so) when it
  is missing or stale. Raises `Mix.Error` if cargo fails or `ATOMVM_HOST_VM` names a
  missing file.
  """
  @spec ensure_built!() :: Path.t()
  def ensure_built! do
    cond do
      up_to_date?() ->
        path()

      given = System.get_env("ATOMVM_HOST_VM") ->
        Mix.raise(AtomVM.Messages.message({:host_vm_env, given}))

      true ->
        Mix.shell().info(
          "Building the host VM (cargo build --release -p #{@crate}); " <>
            "this happens once, and again when its sources change"
        )

        # Cargo's artifact messages name targets: the binary target is `atomvm`.
        exe =
          AtomVM.Cargo.build!(["--package", @crate, "--bin", "atomvm"], "atomvm")
          |> Enum.find(&(Path.basename(&1) == "atomvm")) ||
            Mix.raise(AtomVM.Messages.message({:cargo_no_output, @crate, "atomvm executable"}))

        # Cargo leaves an executable alone when only unrelated sources (another
        # crate, the lock file) changed: mark it as checked against them.
        File.touch!(exe)
        exe
    end
  end
end
