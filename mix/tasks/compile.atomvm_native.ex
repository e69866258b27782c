defmodule Mix.Tasks.Compile.AtomvmNative do
  @shortdoc "Builds the atomvm_mix Rust NIF with cargo"
  @moduledoc """
  Builds the Rust NIF crate `native/atomvm_nif` with `cargo build --release` and
  copies the library to `priv/native/libatomvm_nif.so`, where `AtomVM.Native` loads it.

  It runs as the first compiler of `atomvm_mix` (see its `mix.exs`), so a project that
  depends on `atomvm_mix` builds the NIF during its own `mix compile`, and so does a
  fresh clone. Nothing is rebuilt while the library is newer than every file of the
  Cargo workspace (`Cargo.toml`, `Cargo.lock`, each `native/*` crate's
  manifest and sources); `--force` rebuilds anyway.

  Cargo's own diagnostics are shown as cargo prints them; the built library's path is
  taken from cargo's JSON messages, not guessed.

  ## Environment

    * `CARGO` - the cargo executable (default: `cargo` on `PATH`, then `~/.cargo/bin/cargo`)
    * `CARGO_TARGET_DIR` - honoured as cargo honours it (default: `target/` of this project)
  """
  use Mix.Task.Compiler

  @crate "atomvm_nif"
  @library "libatomvm_nif.so"
  # What the library is built from (relative to the workspace root).
  @sources ["Cargo.toml", "Cargo.lock", "native/*/{Cargo.toml,build.rs}", "native/*/src/**/*.rs"]

  @impl Mix.Task.Compiler
  def run(args) do
    {opts, _, _} = OptionParser.parse(args, switches: [force: :boolean])
    dest = Path.join([AtomVM.Cargo.root(), "priv", "native", @library])

    if !opts[:force] and AtomVM.Cargo.up_to_date?(dest, @sources) do
      {:noop, []}
    else
      build(dest)
      {:ok, []}
    end
  end

  @doc false
  def sources, do: @sources

  defp build(dest) do
    Mix.shell().info("Compiling #{@crate} (Rust NIF, cargo build --release)")

    source =
      AtomVM.Cargo.build!(["--package", @crate], @crate)
      |> Enum.find(&(Path.extname(&1) in [".so", ".dylib", ".dll"])) ||
        Mix.raise("cargo reported no library for the #{@crate} crate")

    File.mkdir_p!(Path.dirname(dest))
    # A loaded library must not be overwritten in place: remove it, then copy.
    File.rm(dest)
    File.cp!(source, dest)
    # Mix links priv/ into _build before compilers run; link again now that it exists.
    Mix.Project.build_structure()
  end
end
