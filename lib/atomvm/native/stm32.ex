defmodule AtomVM.Native.STM32 do
  @moduledoc """
  The second NIF (`native/atomvm_stm32_nif`): STM32 flashing through probe-rs. It is
  not built with the main NIF (probe-rs adds minutes to a cold build and megabytes to
  the library); `ensure_loaded!/0` builds it on first use, copies it to
  `priv/native/`, and loads it.
  """

  @crate "atomvm_stm32_nif"
  @library "libatomvm_stm32_nif.so"
  @sources [
    "Cargo.toml",
    "Cargo.lock",
    "native/atomvm_stm32_nif/**/*.{rs,toml}",
    "native/stm32_flash/**/*.{rs,toml}"
  ]

  @on_load :load_nif

  @doc false
  def load_nif do
    # Missing until first built: the module stays loaded and ensure_loaded!/0 loads it.
    # A library older than its sources is left for ensure_loaded!/0 to rebuild first:
    # once one is loaded, no other can be in this VM.
    path = library_path()

    if AtomVM.Cargo.up_to_date?(path, @sources) do
      _ = :erlang.load_nif(to_charlist(Path.rootname(path)), 0)
    end

    :ok
  end

  defp library_path, do: Path.join([AtomVM.Cargo.root(), "priv", "native", @library])

  @doc "Whether the NIF is loaded."
  @spec loaded?() :: boolean()
  def loaded? do
    # check/2 is cheap and has no side effects (probes/0 searches USB, and a failure
    # there says nothing about loading): until the library is loaded it raises
    # :not_loaded, and only that means "not loaded".
    _ = check(0, %{chip: "", app_offset: 0, app_size: 0})
    true
  rescue
    error in ErlangError -> error.original != :not_loaded
  end

  @doc """
  Builds the NIF when it is missing or older than its sources (saying so; it takes a
  few minutes the first time), and loads it.
  """
  @spec ensure_loaded!() :: :ok
  def ensure_loaded! do
    dest = library_path()

    unless AtomVM.Cargo.up_to_date?(dest, @sources) do
      Mix.shell().info(
        "Building STM32 support (probe-rs, cargo build --release -p #{@crate}); " <>
          "this takes a few minutes, once"
      )

      source =
        AtomVM.Cargo.build!(["--package", @crate], @crate)
        |> Enum.find(&(Path.extname(&1) in [".so", ".dylib"])) ||
          Mix.raise(AtomVM.Messages.message({:cargo_no_output, @crate, "library"}))

      File.mkdir_p!(Path.dirname(dest))
      File.rm(dest)
      File.cp!(source, dest)
    end

    unless loaded?() do
      case :erlang.load_nif(to_charlist(Path.rootname(dest)), 0) do
        :ok ->
          :ok

        {:error, {reason, text}} ->
          Mix.raise(AtomVM.Messages.message({:nif_load, dest, reason, text}))
      end
    end

    :ok
  end

  @doc """
  The debug probes attached, `{:ok, [%{identifier, vendor_id, product_id, serial,
  accessible}]}`, or `{:error, message}` when probe-rs cannot search (e.g. no `/sys`).
  """
  @spec probes() :: {:ok, [map()]} | {:error, String.t()}
  def probes, do: not_loaded()

  @doc "Checks that an archive of `len` bytes fits `target` (`%{chip, app_offset, app_size}`)."
  @spec check(non_neg_integer(), map()) :: {:ok, term()} | {:error, String.t()}
  def check(_len, _target), do: not_loaded()

  @doc """
  Flashes the archive at `path` to `target` through the probe `selector` (`""`: the
  only one) on a new thread; returns an id. The caller receives `{:atomvm_stm32, id,
  {:progress, event}}` and `{:atomvm_stm32, id, {:done, :ok | {:error, message}}}`.
  """
  @spec flash_start(Path.t(), map(), String.t(), pid()) :: non_neg_integer()
  def flash_start(_path, _target, _selector, _pid), do: not_loaded()

  defp not_loaded, do: :erlang.nif_error(:not_loaded)
end
